// Child process (load-side core): one memoizing reverse proxy per IOC subgraph. Each distinct request body is
// answered once by the real subgraph (over the real simulators) and afterwards from memory, so, as in the
// standard shape, the gateway and not the subgraphs sets the pace. Answers with GraphQL errors are not kept.
// argv[2]: JSON { name: subgraphUrl }; reports { urls } over IPC.
import { createServer } from 'node:http';
import { once } from 'node:events';

const targets = JSON.parse(process.argv[2]);
const MAX_ENTRIES = 50_000;

function createMemoProxy(target) {
  const memo = new Map();
  return createServer((req, res) => {
    const chunks = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks).toString('utf8');
      let bytes = memo.get(body);
      if (!bytes) {
        try {
          const upstream = await fetch(target, {
            method: 'POST',
            headers: { 'content-type': 'application/json', accept: 'application/json' },
            body,
          });
          bytes = Buffer.from(await upstream.arrayBuffer());
          const text = bytes.toString('utf8');
          if (upstream.ok && !text.includes('"errors"') && memo.size < MAX_ENTRIES) memo.set(body, bytes);
        } catch {
          res.writeHead(502).end();
          return;
        }
      }
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': bytes.length });
      res.end(bytes);
    });
  });
}

const urls = {};
for (const [name, target] of Object.entries(targets)) {
  const server = createMemoProxy(target);
  server.keepAliveTimeout = 120_000;
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  urls[name] = `http://127.0.0.1:${server.address().port}/graphql`;
}
process.on('disconnect', () => process.exit(0));
process.send({ urls });
