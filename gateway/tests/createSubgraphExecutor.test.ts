import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import type { ExecutionResult } from 'graphql';
import { parse } from 'graphql';
import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { createSubgraphExecutor } from '../src/upstream/createSubgraphExecutor.js';
import { createSubgraphPools, type SubgraphPools } from '../src/upstream/createSubgraphPools.js';

type Reply = (res: ServerResponse) => void;
let reply: Reply;
const seen: { headers: IncomingHttpHeaders; body: string }[] = [];
let connections = 0;
let server: Server;
let url: string;
let pools: SubgraphPools;

beforeAll(async () => {
  server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      seen.push({ headers: req.headers, body });
      reply(res);
    });
  });
  server.on('connection', () => (connections += 1));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  pools = createSubgraphPools({ connections: 4, keepAliveTimeoutMs: 10_000 });
});
afterAll(async () => {
  await pools.close();
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});
beforeEach(() => {
  seen.length = 0;
  reply = (res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"ok":true}}');
});

const executor = (timeoutMs = 2000) =>
  createSubgraphExecutor({
    name: 'health',
    url,
    pool: pools.forUrl(url),
    timeoutMs,
    forwardHeaders: ['traceparent'],
    requestIdHeader: 'x-request-id',
    maxResponseBytes: 4096,
  });

const context = (headers: Record<string, string> = {}) => ({
  request: new Request('http://gateway/graphql', { headers }),
  requestId: 'req-1',
  log: pino({ level: 'silent' }),
  subgraphsCalled: new Set<string>(),
});

async function run(options: { timeoutMs?: number; ctx?: ReturnType<typeof context> } = {}) {
  const ctx = options.ctx ?? context();
  return (await executor(options.timeoutMs)({ document: parse('{ ok }'), context: ctx })) as ExecutionResult;
}

describe('createSubgraphExecutor', () => {
  it('posts the query as JSON with the request id, allowed headers and plugin headers only', async () => {
    const ctx = context({ traceparent: 't-1', authorization: 'Bearer x', cookie: 'c=1' });
    Object.assign(ctx, { subgraphHeaders: { 'x-lgsp-principal': 'signed' } });
    expect(await run({ ctx })).toEqual({ data: { ok: true } });
    const { headers, body } = seen[0]!;
    expect(JSON.parse(body)).toEqual({ query: '{\n  ok\n}' });
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-request-id']).toBe('req-1');
    expect(headers['traceparent']).toBe('t-1');
    expect(headers['x-lgsp-principal']).toBe('signed');
    expect(headers['authorization']).toBeUndefined();
    expect(headers['cookie']).toBeUndefined();
    expect([...ctx.subgraphsCalled]).toEqual(['health']);
  });

  it('logs each call at debug level with the subgraph and its duration, never the body', async () => {
    const lines: Record<string, unknown>[] = [];
    const ctx = {
      ...context(),
      log: pino({ level: 'debug' }, { write: (l: string) => void lines.push(JSON.parse(l)) }),
    };
    await run({ ctx });
    expect(lines).toEqual([expect.objectContaining({ msg: 'subgraph call', subgraph: 'health', errors: 0 })]);
    expect(typeof lines[0]!['durationMs']).toBe('number');
    expect(JSON.stringify(lines)).not.toMatch(/"ok":true|"data"/);
  });

  it('reuses keep-alive connections across calls', async () => {
    const before = connections;
    for (let i = 0; i < 5; i += 1) await run();
    expect(connections - before).toBeLessThanOrEqual(1);
  });

  it('passes a GraphQL error response through, tagged, even with a 4xx status', async () => {
    reply = (res) =>
      res
        .writeHead(400, { 'content-type': 'application/json' })
        .end('{"errors":[{"message":"Bad input","extensions":{"code":"BAD_USER_INPUT"}}]}');
    const result = await run();
    expect(result.errors?.map((e) => [e.message, e.extensions])).toEqual([
      ['Bad input', { code: 'BAD_USER_INPUT', subgraph: 'health' }],
    ]);
  });

  it.each([
    [
      'a 500 with an HTML body',
      (res: ServerResponse) => res.writeHead(500).end('<h1>oops: db=10.0.0.1</h1>'),
    ],
    ['a 200 with a non-JSON body', (res: ServerResponse) => res.writeHead(200).end('not json')],
    [
      'a 503 with JSON that is not GraphQL',
      (res: ServerResponse) => res.writeHead(503).end('{"status":"down"}'),
    ],
    ['a 502 with JSON data and no errors', (res: ServerResponse) => res.writeHead(502).end('{"data":null}')],
  ])('answers UPSTREAM_ERROR for %s, without the body', async (_label, r) => {
    reply = r as Reply;
    const result = await run();
    expect(result.data).toBeNull();
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'UPSTREAM_ERROR', subgraph: 'health' }]);
    expect(JSON.stringify(result)).not.toMatch(/oops|10\.0\.0\.1|down/);
  });

  it('answers UPSTREAM_ERROR for a response body over maxResponseBytes', async () => {
    reply = (res) => res.writeHead(200).end(`{"data":{"ok":"${'x'.repeat(8192)}"}}`);
    const result = await run();
    expect(result.errors?.map((e) => e.extensions)).toEqual([{ code: 'UPSTREAM_ERROR', subgraph: 'health' }]);
  });

  it('answers UPSTREAM_TIMEOUT when no answer comes within the timeout', async () => {
    reply = () => undefined;
    const result = await run({ timeoutMs: 100 });
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_TIMEOUT', subgraph: 'health' });
  });

  it('answers UPSTREAM_UNAVAILABLE when nothing listens', async () => {
    const closed = createSubgraphExecutor({
      name: 'egov',
      url: 'http://127.0.0.1:9/graphql',
      pool: pools.forUrl('http://127.0.0.1:9/graphql'),
      timeoutMs: 2000,
      forwardHeaders: [],
      requestIdHeader: 'x-request-id',
      maxResponseBytes: 4096,
    });
    const result = (await closed({ document: parse('{ ok }'), context: context() })) as ExecutionResult;
    expect(result.errors?.[0]?.extensions).toEqual({ code: 'UPSTREAM_UNAVAILABLE', subgraph: 'egov' });
  });

  it('refuses subscription operations without calling the subgraph', async () => {
    const result = (await executor()({
      document: parse('subscription { ok }'),
      context: context(),
    })) as ExecutionResult;
    expect(result.errors?.[0]?.message).toMatch(/Subscriptions are not supported/);
    expect(seen).toHaveLength(0);
  });
});
