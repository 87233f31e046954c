// Benchmark: throughput of the IOC's dashboard query served from the response cache versus executed every time.
// Usage: npx tsc -b gateway && node gateway/bench/responseCache.js [--seconds 5] [--concurrency 16] [--upstreamMs 5]
// Both gateways are built in this process (yoga's fetch, no listener) over one fake subgraph on loopback that answers
// after --upstreamMs, like a provincial system behind a subgraph. Auth is off; the limits plugins are on in both.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pino } from 'pino';
import { composeSupergraph } from '@lgsp/schema';
import { createGateway, createSupergraphManager, parseConfig } from '../dist/index.js';
import { cacheConfigSchema, createLimitsPlugins, limitsConfigSchema } from '../dist/limits/index.js';

const { values } = parseArgs({
  options: {
    seconds: { type: 'string', default: '5' },
    concurrency: { type: 'string', default: '16' },
    upstreamMs: { type: 'string', default: '5' },
  },
});
const seconds = Number(values.seconds);
const concurrency = Number(values.concurrency);
const upstreamMs = Number(values.upstreamMs);

const sdl = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.9", import: ["@key", "@cost"])
  type Dashboard { openDossiers: Int! lateDossiers: Int! onTimeRate: Float! }
  type Query { dashboard: Dashboard! @cost(weight: 2) }`;
const answer = JSON.stringify({
  data: { dashboard: { __typename: 'Dashboard', openDossiers: 412, lateDossiers: 17, onTimeRate: 0.958 } },
});
const subgraph = createServer((req, res) => {
  req.resume();
  req.on('end', () =>
    setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(answer), upstreamMs),
  );
});
await new Promise((resolve) => subgraph.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${subgraph.address().port}/graphql`;
const composed = composeSupergraph([{ name: 'kpi', url, sdl }]);
if (!composed.ok) throw new Error(composed.errors.join('\n'));
const dir = await mkdtemp(join(tmpdir(), 'lgsp-bench-cache-'));
const path = join(dir, 'supergraph.graphql');
await writeFile(path, composed.supergraphSdl);

const log = pino({ level: 'silent' });
const query = JSON.stringify({ query: '{ dashboard { openDossiers lateDossiers onTimeRate } }' });

async function gatewayWith(cache) {
  const config = parseConfig({ auth: { mode: 'off' }, supergraph: { path, watch: false } });
  const supergraph = await createSupergraphManager(config, log);
  const limits = await createLimitsPlugins(
    {
      limits: limitsConfigSchema.parse({
        clients: { anonymous: { requestsPerMinute: 1e9, costPerMinute: 1e9, costPerDay: 1e12 } },
      }),
      cache: cacheConfigSchema.parse(cache),
    },
    { live: () => supergraph.current(), log },
  );
  const gateway = createGateway(config, { supergraph, log, plugins: limits.plugins });
  return { gateway, close: async () => (await limits.close(), await supergraph.close()) };
}

async function measure(name, gateway) {
  let done = 0;
  let failed = 0;
  const deadline = performance.now() + seconds * 1000;
  const worker = async () => {
    while (performance.now() < deadline) {
      const response = await gateway.fetch('http://gateway/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: query,
      });
      const body = await response.json();
      if (response.status === 200 && body.data?.dashboard) done += 1;
      else failed += 1;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { name, requestsPerSecond: Math.round(done / seconds), failed };
}

const uncached = await gatewayWith({ enabled: false, dedupInflight: false });
const cached = await gatewayWith({ enabled: true, ttlSeconds: { 'Query.dashboard': 60 } });
// Warm both (JIT, connection pool, first cache fill), then measure one after the other.
await measure('warm-up', uncached.gateway);
await measure('warm-up', cached.gateway);
const results = [await measure('uncached', uncached.gateway), await measure('cached', cached.gateway)];
const [a, b] = results;
console.log(
  JSON.stringify({
    seconds,
    concurrency,
    upstreamMs,
    results,
    speedup: +(b.requestsPerSecond / a.requestsPerSecond).toFixed(1),
  }),
);
await Promise.all([uncached.close(), cached.close()]);
subgraph.close();
await rm(dir, { recursive: true, force: true });
