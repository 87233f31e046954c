// Self time of a V8 .cpuprofile, by function and by package: `node bench/src/summarizeProfile.js <file> [top]`.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

function packageOf(url) {
  if (!url) return '(native/V8)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (url.startsWith('node:')) return 'node core';
  if (url.includes('/gateway/dist/')) return '@lgsp/gateway';
  return url.split('/').slice(-2).join('/');
}

export function summarizeProfile(profile, top = 25) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const selfUs = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  }
  let total = 0;
  let idle = 0;
  const functions = new Map();
  const packages = new Map();
  for (const [id, us] of selfUs) {
    const { callFrame } = byId.get(id);
    total += us;
    if (callFrame.functionName === '(idle)') {
      idle += us;
      continue;
    }
    const name = `${callFrame.functionName || '(anonymous)'} ${packageOf(callFrame.url)}${
      callFrame.url ? `:${callFrame.url.split('/').pop()}:${callFrame.lineNumber + 1}` : ''
    }`;
    functions.set(name, (functions.get(name) ?? 0) + us);
    const pkg = packageOf(callFrame.url);
    const group = ['(garbage collector)', '(program)'].includes(callFrame.functionName)
      ? callFrame.functionName
      : pkg;
    packages.set(group, (packages.get(group) ?? 0) + us);
  }
  const busy = total - idle;
  const rank = (m) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([k, us]) => ({ name: k, ms: us / 1000, pctOfBusy: (100 * us) / busy }));
  return { busyMs: busy / 1000, idleMs: idle / 1000, functions: rank(functions), packages: rank(packages) };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const summary = summarizeProfile(
    JSON.parse(readFileSync(process.argv[2], 'utf8')),
    Number(process.argv[3] ?? 25),
  );
  console.log(`busy ${summary.busyMs.toFixed(0)} ms, idle ${summary.idleMs.toFixed(0)} ms\n\nby package:`);
  for (const p of summary.packages) console.log(`${p.pctOfBusy.toFixed(1).padStart(5)} %  ${p.name}`);
  console.log('\nby function (self time):');
  for (const f of summary.functions) console.log(`${f.pctOfBusy.toFixed(1).padStart(5)} %  ${f.name}`);
}
