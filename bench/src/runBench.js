#!/usr/bin/env node
// `npm run bench`: our gateway against Hive Gateway, Hive Gateway with the Rust query planner and Apollo Gateway,
// side by side. See docs/bench.md for the method; every knob is an environment variable (readOptions below).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createResponseChecker } from './createResponseChecker.js';
import { cores, cpuCount, pinSelf } from './processes.js';
import { cpuSeconds, peakRssMiB, processTree } from './procStats.js';
import { formatReport } from './formatReport.js';
import { measureLatency, runLoad } from './runLoad.js';
import { selectGateways, startGateways, stopGateways } from './startGateways.js';
import { createIocWorkload } from './ioc/iocWorkload.js';
import { iocHubAvailable } from './ioc/startIocHub.js';
import { createStandardWorkload } from './standard/standardWorkload.js';

const resultsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../results');

function readOptions(env) {
  const num = (name, fallback) => (env[name] === undefined ? fallback : Number(env[name]));
  const list = (name, fallback) => (env[name] ?? fallback).split(',').filter(Boolean);
  return {
    durationS: num('BENCH_DURATION_S', 7),
    warmupS: num('BENCH_WARMUP_S', 4),
    leadInS: num('BENCH_LEAD_IN_S', 1),
    rounds: num('BENCH_ROUNDS', 3),
    connections: num('BENCH_CONNECTIONS', 50),
    overheadRequests: num('BENCH_OVERHEAD_REQUESTS', 400),
    gateways: list('BENCH_GATEWAYS', 'lgsp,lgsp-planner,hive,hive-rust,apollo'),
    modes: list('BENCH_MODES', 'distinct,identical'),
    workloads: list('BENCH_WORKLOADS', 'standard,ioc'),
    profile: env.BENCH_PROFILE === '1',
  };
}

const loadavg = () => readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).map(Number);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function verifyBeforeLoad(gw, mode) {
  const checker = createResponseChecker(mode.expectedData);
  for (let i = 0; i < 8; i++) {
    const { body, variant } = mode.nextRequest();
    const response = await fetch(gw.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    if (!checker.check(response.status, await response.text(), variant)) return checker.failures[0];
  }
  return undefined;
}

async function measureRound(gw, workload, mode, options, loadSidePids) {
  const checker = createResponseChecker(mode.expectedData);
  const common = { url: gw.url, connections: options.connections, nextRequest: mode.nextRequest };
  if (options.leadInS > 0) await runLoad({ ...common, durationS: options.leadInS, check: checker.check });
  const pids = processTree(gw.child.pid);
  const cpuBefore = cpuSeconds(pids);
  const loadSideBefore = cpuSeconds(loadSidePids);
  const callsBefore = (await workload.subgraphRequestCount?.()) ?? NaN;
  const t0 = performance.now();
  const load = await runLoad({ ...common, durationS: options.durationS, check: checker.check });
  const elapsedS = (performance.now() - t0) / 1000;
  const cpuMsPerRequest = ((cpuSeconds(pids) - cpuBefore) * 1000) / Math.max(1, load.ok);
  // If the load generator and subgraphs (one core) were near 100 %, they, not the gateway, set the pace.
  const loadSideCpuPct = ((cpuSeconds(loadSidePids) - loadSideBefore) / elapsedS) * 100;
  const gatewayCpuPct = ((cpuSeconds(pids) - cpuBefore) / elapsedS) * 100;
  // Fewer calls per answer than the plan needs means upstream deduplication or caching is at work.
  const subgraphCallsPerRequest = ((await workload.subgraphRequestCount?.()) - callsBefore) / load.ok;
  return {
    ...load,
    cpuMsPerRequest,
    loadSideCpuPct,
    gatewayCpuPct,
    subgraphCallsPerRequest,
    failures: checker.failures,
  };
}

async function benchWorkload(workload, definitions, options, log) {
  const gateways = await startGateways(definitions, workload.supergraphPath);
  const results = {
    workload: workload.id,
    title: workload.title,
    modes: {},
    overhead: {},
    rssMiB: {},
    notes: [],
  };
  try {
    const live = [];
    if (workload.learnExpected) {
      const reference = gateways.find((g) => !g.startError);
      if (!reference) throw new Error(`${workload.id}: no gateway started`);
      await workload.learnExpected(reference.url);
      results.notes.push(
        `expected answers: those of ${reference.def.label} before load; the others must agree`,
      );
    }
    for (const gw of gateways) {
      const problem =
        gw.startError ??
        (await verifyBeforeLoad(gw, workload.modes.identical)) ??
        (await verifyBeforeLoad(gw, workload.modes.distinct));
      if (problem) results.notes.push(`${gw.def.label} excluded: ${problem}`);
      else live.push(gw);
      log(`${gw.def.id}: ${problem ? `EXCLUDED (${problem})` : 'correct before load'}`);
    }
    for (const gw of live) {
      await runLoad({
        url: gw.url,
        connections: options.connections,
        durationS: options.warmupS,
        nextRequest: workload.modes.distinct.nextRequest,
        check: createResponseChecker(workload.modes.distinct.expectedData).check,
      });
    }
    for (const modeName of options.modes) {
      const rounds = Object.fromEntries(live.map((gw) => [gw.def.id, []]));
      for (let round = 0; round < options.rounds; round++) {
        for (const gw of live) {
          const loadSidePids = [process.pid, ...workload.loadSidePids().flatMap(processTree)];
          const r = await measureRound(gw, workload, workload.modes[modeName], options, loadSidePids);
          r.loadavg = loadavg();
          rounds[gw.def.id].push(r);
          log(
            `${workload.id}/${modeName} round ${round + 1} ${gw.def.id}: ${r.rps.toFixed(0)} rps, p50 ${r.p50Ms} ms, ` +
              `p99 ${r.p99Ms} ms, ${r.cpuMsPerRequest.toFixed(2)} ms CPU/req, gateway CPU ${r.gatewayCpuPct.toFixed(0)} %, ` +
              `load side CPU ${r.loadSideCpuPct.toFixed(0)} %, wrong ${r.wrong}, loadavg ${r.loadavg[0]}`,
          );
        }
      }
      results.modes[modeName] = Object.fromEntries(
        Object.entries(rounds).map(([id, rs]) => [
          id,
          {
            rps: median(rs.map((r) => r.rps)),
            p50Ms: median(rs.map((r) => r.p50Ms)),
            p99Ms: median(rs.map((r) => r.p99Ms)),
            cpuMsPerRequest: median(rs.map((r) => r.cpuMsPerRequest)),
            gatewayCpuPct: median(rs.map((r) => r.gatewayCpuPct)),
            loadSideCpuPct: median(rs.map((r) => r.loadSideCpuPct)),
            subgraphCallsPerRequest: median(rs.map((r) => r.subgraphCallsPerRequest)),
            wrong: rs.reduce((s, r) => s + r.wrong + r.transportErrors, 0),
            ok: rs.reduce((s, r) => s + r.ok, 0),
            failures: rs.flatMap((r) => r.failures).slice(0, 3),
            rounds: rs.map((r) => Math.round(r.rps)),
          },
        ]),
      );
    }
    if (workload.overhead) {
      const check = createResponseChecker(() => workload.overhead.expectedData).check;
      const targets = [
        { id: 'direct', url: workload.overhead.directUrl },
        ...live.map((g) => ({ id: g.def.id, url: g.url })),
      ];
      const samples = Object.fromEntries(targets.map((t) => [t.id, []]));
      for (let round = 0; round < options.rounds; round++) {
        for (const t of targets) {
          const count = options.overheadRequests;
          samples[t.id].push(
            await measureLatency({ url: t.url, body: workload.overhead.body, count, check }),
          );
        }
      }
      for (const t of targets) {
        results.overhead[t.id] = {
          p50Ms: median(samples[t.id].map((s) => s.p50Ms)),
          p99Ms: median(samples[t.id].map((s) => s.p99Ms)),
          wrong: samples[t.id].reduce((s, x) => s + x.wrong, 0),
        };
      }
    }
    for (const gw of live) results.rssMiB[gw.def.id] = peakRssMiB(processTree(gw.child.pid));
    if (workload.subgraphStats) results.subgraphStats = await workload.subgraphStats();
  } finally {
    await stopGateways(gateways);
  }
  return results;
}

/** The repository's prettier (root devDependency) keeps the committed tables lint-clean; optional. */
async function formatWithPrettier(markdown) {
  try {
    const prettier = await import('prettier');
    return await prettier.format(markdown, { parser: 'markdown', printWidth: 110 });
  } catch {
    return markdown;
  }
}

/** Which build of our gateway ran: the commit, and whether gateway/ had uncommitted changes (dist is built from the tree). */
function gatewayBuild() {
  const repo = path.resolve(resultsDir, '../..');
  try {
    const git = (...args) => execFileSync('git', ['-C', repo, ...args], { encoding: 'utf8' }).trim();
    const dirty = git('status', '--porcelain', '--', 'gateway').length > 0;
    const builtAt = statSync(path.join(repo, 'gateway/dist/bin.js')).mtime.toISOString();
    return `commit ${git('rev-parse', '--short', 'HEAD')}${dirty ? ' + uncommitted changes in gateway/' : ''}, dist built ${builtAt}`;
  } catch {
    return 'unknown';
  }
}

async function main() {
  const options = readOptions(process.env);
  const log = (line) => console.log(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}`);
  const pinned = pinSelf();
  const definitions = selectGateways(options.gateways);
  const meta = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: cpuCount,
    pinned: pinned
      ? `gateway on core ${cores.gateway}; load generator and subgraphs on core ${cores.rest}`
      : 'no',
    loadavgStart: loadavg(),
    gatewayBuild: gatewayBuild(),
    options,
    gateways: Object.fromEntries(definitions.map((d) => [d.id, d.label])),
  };
  log(`options ${JSON.stringify(options)}; load average ${meta.loadavgStart.join(' ')}`);
  const workloads = [];
  const factories = { standard: createStandardWorkload, ioc: createIocWorkload };
  for (const id of options.workloads) {
    if (id === 'ioc' && !iocHubAvailable()) {
      meta.pending =
        'IOC workload pending: schema/supergraph.graphql or a built simulator/subgraph is missing';
      log(meta.pending);
      continue;
    }
    const workload = await factories[id]();
    try {
      workloads.push(await benchWorkload(workload, definitions, options, log));
    } finally {
      await workload.close();
    }
  }
  meta.loadavgEnd = loadavg();
  const report = await formatWithPrettier(formatReport(meta, workloads));
  mkdirSync(path.join(resultsDir, 'raw'), { recursive: true });
  const stamp = meta.date.replace(/[:.]/g, '-');
  writeFileSync(path.join(resultsDir, 'raw', `${stamp}.json`), JSON.stringify({ meta, workloads }, null, 2));
  writeFileSync(path.join(resultsDir, 'latest.md'), report);
  console.log(`\n${report}`);
  log(`written: bench/results/latest.md, bench/results/raw/${stamp}.json`);
}

await main();
