// Gateway-level cost of the audit trail (issue 5: "less than 10 % lower throughput on a mixed workload").
// `npm run bench:audit` (needs the local PostgreSQL for the postgres variant; LGSP_BENCH_PG_URL overrides).
//
// The real gateway (startGateway, auth on, dev issuer tokens) over the real catalog and police subgraphs and their
// simulators, in one process with the load generator, a closed loop of CONCURRENCY clients; 3 requests in 4 read
// open data (`administrativeUnit`), 1 in 4 reads personal data unmasked (police incidents with their people's
// CCCDs, under LAW_ENFORCEMENT), so that records carry entity keys and the fail-closed check runs. Variants:
// audit off, file sink (fsync per batch; `file-nofsync` on request), PostgreSQL sink (worker thread, spool with fsync); interleaved rounds,
// each on a freshly started gateway, so drift from other work on the machine spreads over all variants.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDevIssuer, readDevClientRegistry } from '@lgsp/dev-issuer';
import { generateAssertionKeyPair, parseConfig, startGateway } from '@lgsp/gateway';
import { composeSupergraph } from '@lgsp/schema';
import { createCatalogSimulator } from '@lgsp/simulator-catalog';
import { createPoliceSimulator } from '@lgsp/simulator-police';
import { createCatalogSubgraph, loadCatalogConfig } from '@lgsp/subgraph-catalog';
import { createPoliceSubgraph, loadPoliceConfig } from '@lgsp/subgraph-police';
import pg from 'pg';
import { pino } from 'pino';
import { Pool } from 'undici';

const root = fileURLToPath(new URL('../../', import.meta.url));
const pgUrl = process.env['LGSP_BENCH_PG_URL'] ?? 'postgres://postgres@127.0.0.1:5432/test';
const CONCURRENCY = Number(process.env['LGSP_BENCH_CONCURRENCY'] ?? 16);
const ROUND_MS = Number(process.env['LGSP_BENCH_ROUND_MS'] ?? 6000);
const WARMUP_MS = 1500;
const ROUNDS = Number(process.env['LGSP_BENCH_ROUNDS'] ?? 3);
const now = new Date('2026-11-25T12:00:00+07:00');

const openQuery = '{ administrativeUnit(code: "148") { code name } }';
const personalQuery = `{ incidents(unitCode: "148", period: { from: "2025-06-01", to: "2025-07-01" }, pageSize: 5) {
  items { id involvedPersons { fullName cccd } } } }`;

type Variant = 'off' | 'file' | 'file-nofsync' | 'postgres';
const variants = (process.env['LGSP_BENCH_VARIANTS'] ?? 'off,file,postgres').split(',') as Variant[];

async function startSystems(log: pino.Logger, gatewayTrust: { keys: JsonWebKey[] }) {
  const catalogSim = await createCatalogSimulator({ port: 0, now: () => now.getTime() });
  const policeSim = await createPoliceSimulator({ port: 0, now: () => now });
  const env = {};
  const values = (baseUrl: string) => ({ port: 0, host: '127.0.0.1', upstream: { baseUrl } });
  const catalog = await createCatalogSubgraph(
    loadCatalogConfig({ values: values(`${catalogSim.url}/api/v1`), env }),
    {
      log,
      gatewayTrust,
    },
  );
  const police = await createPoliceSubgraph(loadPoliceConfig({ values: values(policeSim.url), env }), {
    log,
    gatewayTrust,
    now: () => now.getTime(),
  });
  const sdl = async (system: string) =>
    readFile(path.join(root, 'subgraphs', system, 'schema.graphql'), 'utf8');
  const composed = composeSupergraph([
    { name: 'catalog', url: catalog.url!, sdl: await sdl('catalog') },
    { name: 'police', url: police.url!, sdl: await sdl('police') },
  ]);
  if (!composed.ok) throw new Error(composed.errors.join('\n'));
  return {
    supergraphSdl: composed.supergraphSdl,
    close: async () => {
      await Promise.all([catalog.close(), police.close()]);
      await Promise.all([catalogSim.close(), policeSim.close()]);
    },
  };
}

interface RoundResult {
  variant: Variant;
  requests: number;
  errors: number;
  rps: number;
  p50Ms: number;
  p99Ms: number;
  /** CPU time of this whole process (all threads: gateway, subgraphs, simulators, audit writer) per request. */
  cpuUsPerRequest: number;
}

async function load(url: string, tokens: { open: string; personal: string }, durationMs: number) {
  const pool = new Pool(url, { connections: CONCURRENCY, pipelining: 1 });
  const latencies: number[] = [];
  let errors = 0;
  let sent = 0;
  const until = performance.now() + durationMs;
  const worker = async () => {
    while (performance.now() < until) {
      const personal = sent++ % 4 === 3;
      const started = performance.now();
      const response = await pool.request({
        path: '/graphql',
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${personal ? tokens.personal : tokens.open}`,
          ...(personal ? { 'x-purpose': 'LAW_ENFORCEMENT' } : {}),
        },
        body: JSON.stringify({ query: personal ? personalQuery : openQuery }),
      });
      const text = await response.body.text();
      latencies.push(performance.now() - started);
      if (response.statusCode !== 200 || text.includes('"errors"')) errors++;
    }
  };
  const startedAt = performance.now();
  const cpuBefore = process.cpuUsage();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const cpu = process.cpuUsage(cpuBefore);
  const elapsedMs = performance.now() - startedAt;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  return {
    requests: latencies.length,
    errors,
    rps: (latencies.length / elapsedMs) * 1000,
    p50Ms: at(0.5),
    p99Ms: at(0.99),
    cpuUsPerRequest: (cpu.user + cpu.system) / latencies.length,
  };
}

async function round(
  variant: Variant,
  base: Record<string, unknown>,
  tokens: { open: string; personal: string },
) {
  const dir = await mkdtemp(path.join(tmpdir(), 'lgsp-audit-bench-'));
  const schema = `audit_bench_${process.pid}_${Date.now().toString(36)}`;
  const audit =
    variant === 'off'
      ? { enabled: false }
      : variant === 'file' || variant === 'file-nofsync'
        ? { sink: 'file', file: { dir: path.join(dir, 'audit'), fsync: variant === 'file' } }
        : {
            sink: 'postgres',
            postgres: { connectionString: pgUrl, schema },
            spool: { dir: path.join(dir, 'spool') },
            key: { file: undefined, value: 'c3'.repeat(32) },
          };
  const config = parseConfig({ ...base, audit });
  const running = await startGateway(config, { log: pino({ level: 'silent' }) });
  try {
    await load(running.url, tokens, WARMUP_MS);
    return { variant, ...(await load(running.url, tokens, ROUND_MS)) };
  } finally {
    await running.close();
    await rm(dir, { recursive: true, force: true });
    if (variant === 'postgres') {
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    }
  }
}

async function main() {
  const log = pino({ level: 'silent' });
  const work = await mkdtemp(path.join(tmpdir(), 'lgsp-audit-bench-hub-'));
  const registryFile = path.join(root, 'config', 'partners.json');
  const issuer = await createDevIssuer({ port: 0, registry: await readDevClientRegistry(registryFile) });
  const { privateJwk, publicJwk } = generateAssertionKeyPair();
  const privateKeyFile = path.join(work, 'assertion-key.json');
  await writeFile(privateKeyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  const systems = await startSystems(log, { keys: [publicJwk] });
  const supergraphPath = path.join(work, 'supergraph.graphql');
  await writeFile(supergraphPath, systems.supergraphSdl);
  const base = {
    server: { host: '127.0.0.1', port: 0 },
    supergraph: { path: supergraphPath, watch: false },
    log: { level: 'silent' },
    metrics: { enabled: false },
    // Quotas would refuse most of this load (RATE_LIMITED); the audit's cost is measured on served requests.
    limits: { enabled: false },
    auth: {
      issuer: issuer.issuer,
      audience: issuer.audience,
      registryFile,
      watchRegistry: false,
      subgraphAssertion: { privateKeyFile },
    },
  };
  const tokens = {
    open: await issuer.issueToken('ioc-dashboard'),
    personal: await issuer.issueToken('partner-police'),
  };
  const results: RoundResult[] = [];
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const variant of variants) {
        const result = await round(variant, base, tokens);
        results.push(result);
        console.log(
          `round ${r + 1} ${variant.padEnd(12)} ${result.rps.toFixed(0).padStart(6)} req/s  p50 ${result.p50Ms.toFixed(1)} ms  p99 ${result.p99Ms.toFixed(1)} ms  CPU ${result.cpuUsPerRequest.toFixed(0)} µs/req  (${result.requests} requests, ${result.errors} errors)`,
        );
      }
    }
  } finally {
    await systems.close();
    await issuer.close();
    await rm(work, { recursive: true, force: true });
  }
  // The median of the rounds: one round disturbed by other work on the machine does not move it.
  const mean = (variant: Variant, of: (r: RoundResult) => number) => {
    const values = results
      .filter((r) => r.variant === variant)
      .map(of)
      .sort((a, b) => a - b);
    const mid = Math.floor(values.length / 2);
    return values.length % 2 === 1 ? values[mid]! : (values[mid - 1]! + values[mid]!) / 2;
  };
  const off = { rps: mean('off', (r) => r.rps), cpu: mean('off', (r) => r.cpuUsPerRequest) };
  console.log(
    `\nmixed workload, ${CONCURRENCY} concurrent clients, ${ROUNDS} × ${ROUND_MS} ms per variant (medians)`,
  );
  // On a shared machine throughput swings with other work; CPU per request is the steadier measure: when the
  // gateway is CPU-bound, throughput falls by the share of CPU the audit adds.
  for (const variant of variants) {
    const rps = mean(variant, (r) => r.rps);
    const cpu = mean(variant, (r) => r.cpuUsPerRequest);
    const vs =
      variant === 'off'
        ? ''
        : `  throughput ${(((off.rps - rps) / off.rps) * 100).toFixed(1)} % lower; CPU +${(cpu - off.cpu).toFixed(0)} µs/req = ${(((cpu - off.cpu) / cpu) * 100).toFixed(1)} % projected loss when CPU-bound`;
    console.log(
      `${variant.padEnd(12)} ${rps.toFixed(0).padStart(6)} req/s  ${cpu.toFixed(0)} µs CPU/req${vs}`,
    );
  }
  if (results.some((r) => r.errors > 0)) {
    console.error('some requests failed: the figures are not comparable');
    process.exitCode = 1;
  }
}

await main();
