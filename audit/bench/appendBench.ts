// Benchmark of the audit trail's own cost (the gateway-level benchmark comes with the gateway plugin).
// Runs with Node's type stripping: `npm run bench -w @lgsp/audit` (builds first) or `node audit/bench/appendBench.ts`.
//
// 1. append throughput: records appended and made durable per second, per sink.
// 2. mixed workload: a stand-in request handler (serialize a response of 40 items, the cheapest part of a real
//    gateway request) run in a closed loop with the audit off, on a file, and on PostgreSQL; 1 in 4 requests reads
//    personal data. The figure to watch is the throughput loss against "off"; a real request costs several times
//    more than this stand-in, so the real loss is smaller.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import pg from 'pg';
import { auditConfigSchema, openAuditTrail, type AuditEventInput, type AuditTrailApi } from '@lgsp/audit';

const pgUrl = process.env.LGSP_BENCH_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const durationMs = Number(process.env.LGSP_BENCH_DURATION_MS ?? 4000);
const document =
  'query Stations($district:String){stations(district:$district){code name aqi pm25 updatedAt}}';

function handle(i: number): string {
  const items = Array.from({ length: 40 }, (_, k) => ({
    code: `ST${k}`,
    name: `Trạm ${k}`,
    aqi: (i + k) % 300,
    pm25: k * 1.5,
    updatedAt: '2026-11-25T05:00:00Z',
  }));
  return JSON.stringify({ data: { stations: items } });
}

function eventFor(i: number, response: string, durationMs: number): AuditEventInput {
  const personal = i % 4 === 0;
  const cccd = `0170900${String(i % 100000).padStart(5, '0')}`;
  return {
    requestId: `bench-${i}`,
    client: personal ? 'partner-police' : 'ioc-dashboard',
    subject: personal ? 'sa-police' : 'sa-ioc',
    agency: personal ? 'CA-HB' : 'IOC-HB',
    purpose: personal ? 'LAW_ENFORCEMENT' : null,
    operationName: 'Stations',
    operationType: 'query',
    document,
    variables: personal ? { cccd } : { district: '148' },
    personalVariables: personal ? ['cccd'] : [],
    coordinates: [
      'Query.stations',
      'Station.code',
      'Station.name',
      'Station.aqi',
      'Station.pm25',
      'Station.updatedAt',
    ],
    personalCoordinates: personal ? ['Citizen.cccd', 'Citizen.fullName'] : [],
    personalEntityKeys: personal ? [{ kind: 'CCCD', value: cccd }] : [],
    outcome: 'allowed',
    durationMs,
    subgraphs: ['environment'],
    response,
  };
}

interface Setup {
  name: string;
  trail: AuditTrailApi | null;
  cleanup: () => Promise<void>;
}

/** A trail built from config, as the gateway builds it; `thread` picks the worker-thread writer. */
async function setup(sink: 'file' | 'postgres', thread: boolean): Promise<Setup> {
  const dir = await mkdtemp(join(tmpdir(), 'lgsp-audit-bench-'));
  const schema = `audit_bench_${randomBytes(4).toString('hex')}`;
  const config = auditConfigSchema.parse({
    sink,
    thread,
    file: { dir },
    spool: { dir: join(dir, 'spool') },
    postgres: { connectionString: pgUrl, schema },
    key: { value: randomBytes(32).toString('base64') },
    retention: { days: 0 },
  });
  const { trail, close } = await openAuditTrail(config);
  await trail.flush();
  return {
    name: `${sink}${thread ? ' (worker thread)' : ''}`,
    trail,
    cleanup: async () => {
      await close();
      await rm(dir, { recursive: true, force: true });
      if (sink !== 'postgres') return;
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
      await client.end();
    },
  };
}

const variants: Array<[sink: 'file' | 'postgres', thread: boolean]> = [
  ['file', false],
  ['postgres', false],
  ['file', true],
  ['postgres', true],
];

/**
 * Closed loop for `durationMs`: the request rate the main thread sustains while the audit works beside it. The
 * backlog left at the end is drained afterwards and timed separately (a sink slower than the request rate shows up
 * there, and in the append capacity).
 */
async function mixedWorkload(trail: AuditTrailApi | null): Promise<{ rate: number; drainMs: number }> {
  const start = performance.now();
  let ops = 0;
  while (performance.now() - start < durationMs) {
    for (let k = 0; k < 32; k += 1, ops += 1) {
      const t0 = performance.now();
      if (ops % 4 === 0 && trail && !trail.health().personalDataAllowed)
        throw new Error('audit unavailable during bench');
      const response = handle(ops);
      trail?.append(eventFor(ops, response, performance.now() - t0));
    }
    await yieldToLoop();
  }
  const rate = (ops * 1000) / (performance.now() - start);
  const drainStart = performance.now();
  await trail?.flush();
  return { rate, drainMs: performance.now() - drainStart };
}

/**
 * Records made durable per second, and the CPU time they cost this process (all threads: request thread and audit
 * worker; PostgreSQL's own work is not counted). CPU time per record hardly depends on how busy the machine is.
 */
async function appendThroughput(
  trail: AuditTrailApi,
  count: number,
): Promise<{ rate: number; cpuUs: number }> {
  const response = handle(0);
  const start = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < count; i += 1) {
    trail.append(eventFor(i, response, 1));
    if (i % 256 === 0) await yieldToLoop();
  }
  await trail.flush();
  const used = process.cpuUsage(cpu);
  return { rate: (count * 1000) / (performance.now() - start), cpuUs: (used.user + used.system) / count };
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

async function main(): Promise<void> {
  console.log(
    `audit bench: node ${process.version}, ${durationMs} ms per mixed run, 1 in 4 requests reads personal data`,
  );
  const capacity: Record<string, { rate: number; cpuUs: number }> = {};
  for (const [sink, thread] of variants) {
    const run = await setup(sink, thread);
    capacity[run.name] = await appendThroughput(run.trail!, 20_000);
    await run.cleanup();
  }
  // Interleave the mixed runs (off, then each variant; twice) so machine noise spreads over all of them.
  const runs: Record<string, Array<{ rate: number; drainMs: number }>> = { off: [] };
  for (let round = 0; round < 2; round += 1) {
    runs.off!.push(await mixedWorkload(null));
    for (const [sink, thread] of variants) {
      const run = await setup(sink, thread);
      (runs[run.name] ??= []).push(await mixedWorkload(run.trail));
      await run.cleanup();
    }
  }
  const names = Object.keys(runs).filter((name) => name !== 'off');
  const best = (name: string) => runs[name]!.reduce((a, b) => (b.rate > a.rate ? b : a));
  const off = best('off').rate;
  const costUs = (name: string) => (1 / best(name).rate - 1 / off) * 1e6;
  console.log(
    '\nappend capacity (records made durable per second, 20000 records, batch fsync; PostgreSQL via spool)',
  );
  for (const name of Object.keys(capacity))
    console.log(
      `  ${name.padEnd(22)} ${fmt(capacity[name]!.rate).padStart(9)} rec/s   ${capacity[name]!.cpuUs.toFixed(1)} µs CPU per record (all threads of this process)`,
    );
  console.log(`\nmixed workload with a stand-in request of ${(1e6 / off).toFixed(1)} µs (best of 2)`);
  console.log(`  ${'off'.padEnd(22)} ${fmt(off).padStart(9)} req/s`);
  for (const name of names) {
    const run = best(name);
    const loss = ((off - run.rate) / off) * 100;
    console.log(
      `  ${name.padEnd(22)} ${fmt(run.rate).padStart(9)} req/s  ${loss.toFixed(1)}% lower; request-thread cost ${costUs(name).toFixed(1)} µs/request; backlog drained in ${Math.round(run.drainMs)} ms`,
    );
  }
  console.log('\nprojected loss for requests of realistic cost (cost / (request + cost))');
  for (const requestUs of [250, 500, 1000]) {
    const cells = names.map(
      (name) => `${name} ${((costUs(name) / (requestUs + costUs(name))) * 100).toFixed(1)}%`,
    );
    console.log(`  ${String(requestUs).padStart(5)} µs request: ${cells.join(', ')}`);
  }
  const summary = {
    capacity,
    mixed: Object.fromEntries(Object.keys(runs).map((k) => [k, best(k)])),
    costUs: Object.fromEntries(names.map((k) => [k, costUs(k)])),
  };
  console.log(`\njson ${JSON.stringify(summary)}`);
}

await main();
