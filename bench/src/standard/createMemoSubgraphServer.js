// A cheap subgraph: a node:http GraphQL responder that executes each distinct request once with graphql-js
// (so `_service`, `_entities`, `@requires` and `@provides` behave exactly as @apollo/subgraph defines them) and
// afterwards answers it from memory. The gateway, not the subgraph, is then the bottleneck.
import { createServer } from 'node:http';
import { execute, parse, validate } from 'graphql';
import { ROTATION } from './data.js';

const MAX_ENTRIES = 20_000;

/** Request bodies that differ only by the rotating `offset` variable map to one memo entry. */
function normalizedKey(request) {
  const variables = { ...request.variables };
  if (typeof variables.offset === 'number') variables.offset %= ROTATION;
  return `${request.operationName ?? ''}\n${request.query}\n${JSON.stringify(variables)}`;
}

async function computeAnswer(schema, request) {
  let document;
  try {
    document = parse(request.query);
  } catch (error) {
    return { errors: [{ message: String(error.message) }] };
  }
  const errors = validate(schema, document);
  if (errors.length) return { errors: errors.map((e) => ({ message: e.message })) };
  // @apollo/subgraph resolves entities through promises, so execute() may return one.
  return await execute({
    schema,
    document,
    variableValues: request.variables,
    operationName: request.operationName,
  });
}

/**
 * @param {import('graphql').GraphQLSchema} schema a subgraph schema with synchronous resolvers
 * @returns {{ server: import('node:http').Server, stats: { hits: number, misses: number, requests: number } }}
 */
export function createMemoSubgraphServer(schema) {
  const byBody = new Map(); // raw body → answer, for bodies without a rotating variable
  const byKey = new Map(); // normalized request → answer
  const stats = { requests: 0, hits: 0, misses: 0 };

  async function answer(body) {
    const raw = byBody.get(body);
    if (raw) {
      stats.hits++;
      return raw;
    }
    let request;
    try {
      request = JSON.parse(body);
    } catch {
      return Buffer.from('{"errors":[{"message":"malformed JSON"}]}');
    }
    const key = normalizedKey(request);
    let bytes = byKey.get(key);
    if (bytes) stats.hits++;
    else {
      stats.misses++;
      bytes = Buffer.from(JSON.stringify(await computeAnswer(schema, request)));
      if (byKey.size < MAX_ENTRIES) byKey.set(key, bytes);
    }
    const rotating = request.variables && typeof request.variables.offset === 'number';
    if (!rotating && byBody.size < MAX_ENTRIES) byBody.set(body, bytes);
    return bytes;
  }

  const server = createServer((req, res) => {
    stats.requests++;
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const bytes = req.method === 'POST' ? await answer(Buffer.concat(chunks).toString('utf8')) : null;
      if (!bytes) {
        res.writeHead(405).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
      res.end(bytes);
    });
  });
  server.keepAliveTimeout = 120_000;
  return { server, stats };
}
