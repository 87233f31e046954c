#!/usr/bin/env node
// `npm start`: the whole hub on one machine with embedded defaults, as one process tree: the simulators of the
// provincial systems, the five subgraphs, the development OIDC issuer and the gateway. Each runs as its own child
// process (as it would in production), its output prefixed with its name. Ctrl-C or SIGTERM stops them all.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const systems = ['catalog', 'egov', 'police', 'health', 'environment'];
const host = '127.0.0.1';

/**
 * What to start, in order; each waits for the previous group to be ready. Ports: schema/README.md.
 * @type {{ name: string, entry: string, args?: string[], env?: Record<string, string>, readyUrl: string }[][]}
 */
const groups = [
  systems.map((s, i) => ({
    name: `sim-${s}`,
    entry: `simulators/${s}/dist/main.js`,
    env: { PORT: String(4301 + i), HOST: host },
    readyUrl: `http://${host}:${4301 + i}/__admin/stats`,
  })),
  [
    ...systems.map((s, i) => ({
      name: s,
      entry: `subgraphs/${s}/dist/main.js`,
      env: { PORT: String(4101 + i), HOST: host },
      readyUrl: `http://${host}:${4101 + i}/healthz`,
    })),
    {
      name: 'issuer',
      entry: 'dev-issuer/dist/bin.js',
      env: { PORT: '4010', HOST: host },
      readyUrl: `http://${host}:4010/.well-known/openid-configuration`,
    },
  ],
  [
    {
      name: 'gateway',
      entry: 'gateway/dist/bin.js',
      args: [
        '--supergraph',
        'schema/supergraph.graphql',
        '--config',
        'config/gateway.dev.json',
        '--port',
        '4000',
      ],
      readyUrl: `http://${host}:4000/readyz`,
    },
  ],
];

/** @type {import('node:child_process').ChildProcess[]} */
const children = [];
let stopping = false;

function prefixLines(name, stream, out) {
  let buffered = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk) => {
    buffered += chunk;
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) out.write(`${name.padEnd(16)}| ${line}\n`);
  });
}

function start(service) {
  const entry = path.join(root, service.entry);
  if (!existsSync(entry)) throw new Error(`${service.entry} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [entry, ...(service.args ?? [])], {
    cwd: root,
    env: { ...process.env, NODE_ENV: process.env.NODE_ENV ?? 'development', ...service.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  prefixLines(service.name, child.stdout, process.stdout);
  prefixLines(service.name, child.stderr, process.stderr);
  child.on('exit', (code, signal) => {
    if (!stopping) {
      console.error(`start: ${service.name} exited (${signal ?? code}); stopping the hub`);
      stop(1);
    }
  });
  children.push(child);
}

async function waitReady(service, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(service.readyUrl, { signal: AbortSignal.timeout(1_000) });
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service.name} was not ready at ${service.readyUrl} within ${timeoutMs} ms`);
}

function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const child of children) child.kill('SIGTERM');
  // Children drain in-flight requests on SIGTERM; give them a moment, then leave.
  const timer = setTimeout(() => process.exit(exitCode), 5_000);
  timer.unref();
  Promise.all(children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : null))).then(
    () => process.exit(exitCode),
  );
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));

try {
  for (const group of groups) {
    for (const service of group) start(service);
    await Promise.all(group.map((s) => waitReady(s)));
  }
} catch (error) {
  console.error(`start: ${error.message}`);
  stop(1);
}

if (!stopping) {
  console.log(`
LGSP Gateway is up (embedded defaults).
  GraphQL + GraphiQL   http://localhost:4000/graphql
  Health / readiness   http://localhost:4000/healthz   http://localhost:4000/readyz
  Metrics              http://localhost:4000/metrics
  Dev OIDC issuer      http://localhost:4010/.well-known/openid-configuration
  Subgraphs            ${systems.map((s, i) => `${s} http://localhost:${4101 + i}/graphql`).join('\n                       ')}
  Simulators           ${systems.map((s, i) => `${s} http://localhost:${4301 + i}`).join('\n                       ')}
A token for a demo client (ioc-dashboard, partner-health, partner-police, auditor):
  npm run token -- ioc-dashboard
  curl -H "Authorization: Bearer $(npm run -s token -- ioc-dashboard)" -H 'Content-Type: application/json' \\
       -d '{"query":"{ administrativeUnit(code: \\"148\\") { name } }"}' http://localhost:4000/graphql
Ctrl-C stops everything.`);
}
