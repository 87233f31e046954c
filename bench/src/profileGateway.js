#!/usr/bin/env node
// Profiles our gateway under the standard heavy query (distinct mode): `node bench/src/profileGateway.js`.
// Env: BENCH_DURATION_S (default 15), BENCH_CONNECTIONS (50), BENCH_MODE (below), PROFILE_GATEWAY_ENTRY (another build of bin.js,
// e.g. a patched copy from bench/experiments), PROFILE_HEAP=1 adds --heap-prof. Writes bench/profiles/*.cpuprofile
// and prints the self-time summary.
import { mkdirSync, readdirSync } from 'node:fs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createResponseChecker } from './createResponseChecker.js';
import { gatewayDefinitions } from './gateways/gatewayDefinitions.js';
import { pinSelf } from './processes.js';
import { runLoad } from './runLoad.js';
import { startGateways, stopGateways } from './startGateways.js';
import { createIocWorkload } from './ioc/iocWorkload.js';
import { createStandardWorkload } from './standard/standardWorkload.js';
import { summarizeProfile } from './summarizeProfile.js';

const dir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../profiles');
mkdirSync(dir, { recursive: true });
const durationS = Number(process.env.BENCH_DURATION_S ?? 15);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
pinSelf();
const before = new Set(readdirSync(dir));
const ours = gatewayDefinitions.find((g) => g.id === 'lgsp');
const entry = process.env.PROFILE_GATEWAY_ENTRY;
const def = entry ? { ...ours, args: (s, p) => [entry, ...ours.args(s, p).slice(1)] } : ours;
const flags = ['--cpu-prof', `--cpu-prof-dir=${dir}`];
if (process.env.PROFILE_HEAP === '1') flags.push('--heap-prof', `--heap-prof-dir=${dir}`);
// BENCH_WORKLOAD: standard (default) or ioc.
const workload =
  process.env.BENCH_WORKLOAD === 'ioc' ? await createIocWorkload() : await createStandardWorkload();
const [gw] = await startGateways([def], workload.supergraphPath, { [def.id]: flags });
if (gw.startError) throw new Error(gw.startError);
await workload.learnExpected?.(gw.url);
// BENCH_MODE: distinct (default), identical, or one-subgraph (the overhead query).
const modeName = process.env.BENCH_MODE ?? 'distinct';
const mode =
  modeName === 'one-subgraph'
    ? {
        nextRequest: () => ({ body: workload.overhead.body, variant: 0 }),
        expectedData: () => workload.overhead.expectedData,
      }
    : workload.modes[modeName];
const checker = createResponseChecker(mode.expectedData);
const common = { url: gw.url, connections, nextRequest: mode.nextRequest, check: checker.check };
await runLoad({ ...common, durationS: 3 });
const result = await runLoad({ ...common, durationS });
console.log(
  `${result.rps.toFixed(0)} rps, p50 ${result.p50Ms} ms, p99 ${result.p99Ms} ms, wrong ${result.wrong}`,
  checker.failures,
);
await stopGateways([gw]);
await workload.close();
const written = readdirSync(dir).filter((f) => !before.has(f) && f.endsWith('.cpuprofile'));
for (const file of written) {
  const summary = summarizeProfile(JSON.parse(readFileSync(path.join(dir, file), 'utf8')), 30);
  console.log(`\n${file}: busy ${summary.busyMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms`);
  for (const p of summary.packages) console.log(`${p.pctOfBusy.toFixed(1).padStart(5)} %  ${p.name}`);
  console.log('');
  for (const f of summary.functions) console.log(`${f.pctOfBusy.toFixed(1).padStart(5)} %  ${f.name}`);
}
