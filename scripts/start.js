#!/usr/bin/env node
// `npm start`: the whole hub on one machine with embedded defaults, as one process tree: the simulators of the
// provincial systems, the five subgraphs, the development OIDC issuer and the gateway. Each runs as its own child
// process (as it would in production), its output prefixed with its name. Ctrl-C or SIGTERM stops them all.
//
// Ports: schema/README.md. LGSP_PORT_OFFSET=<n> adds n to every port (a second hub beside a running one, e2e tests);
// the gateway then reaches the subgraphs through its LGSP_GATEWAY_SUBGRAPH_URL_<name> overrides, since the committed
// supergraph names the standard ports.
//
// Trust: at every start a new assertion key pair is written to .data/keys/ (LGSP_KEYS_DIR overrides it): the gateway
// signs each subgraph call with the private half, and every subgraph refuses a call without that signature (a direct
// call gets 401), as in production (docs/identity.md §7).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const systems = ['catalog', 'egov', 'police', 'health', 'environment'];
const host = '127.0.0.1';

const offset = Number(process.env.LGSP_PORT_OFFSET ?? 0);
if (!Number.isInteger(offset) || offset < 0 || offset > 60_000) {
  console.error(
    `start: LGSP_PORT_OFFSET must be an integer from 0 to 60000, got ${process.env.LGSP_PORT_OFFSET}`,
  );
  process.exit(2);
}
const port = {
  gateway: 4000 + offset,
  issuer: 4010 + offset,
  subgraph: (i) => 4101 + i + offset,
  simulator: (i) => 4301 + i + offset,
};
const issuerUrl = `http://${host}:${port.issuer}`;
const subgraphUrl = (i) => `http://${host}:${port.subgraph(i)}/graphql`;
// Each subgraph's upstream root: the police system is one SOAP endpoint under its root, the others REST under /api/v1.
const upstreamUrl = (s, i) => `http://${host}:${port.simulator(i)}${s === 'police' ? '' : '/api/v1'}`;
const envPrefix = (s) => `LGSP_${s.toUpperCase()}_`;

/** The gateway's assertion keys, made fresh at each start by the gateway package's own writer. */
async function writeKeys() {
  const dir = path.resolve(root, process.env.LGSP_KEYS_DIR ?? '.data/keys');
  let gateway;
  try {
    gateway = await import('@lgsp/gateway');
  } catch (error) {
    console.error(
      `start: cannot load @lgsp/gateway (${error.code ?? error.message}): run \`npm run build\` first`,
    );
    process.exit(2);
  }
  return gateway.writeAssertionKeys(dir);
}
const keys = await writeKeys();

/**
 * What to start, in order; each group waits for the previous one to be ready. Simulators read PORT/HOST; subgraphs
 * their LGSP_<SYSTEM>_* config (port, upstream); the issuer LGSP_DEV_ISSUER_PORT; the gateway flags and LGSP_GATEWAY_*.
 * @type {{ name: string, entry: string, args?: string[], env?: Record<string, string>, readyUrl: string }[][]}
 */
const groups = [
  systems.map((s, i) => ({
    name: `sim-${s}`,
    entry: `simulators/${s}/dist/main.js`,
    env: { PORT: String(port.simulator(i)), HOST: host },
    readyUrl: `http://${host}:${port.simulator(i)}/__admin/health`,
  })),
  [
    ...systems.map((s, i) => ({
      name: s,
      entry: `subgraphs/${s}/dist/main.js`,
      env: {
        [`${envPrefix(s)}PORT`]: String(port.subgraph(i)),
        [`${envPrefix(s)}HOST`]: host,
        [`${envPrefix(s)}UPSTREAM__BASE_URL`]: upstreamUrl(s, i),
        [`${envPrefix(s)}GATEWAY_KEYS_FILE`]: keys.publicKeysFile,
      },
      readyUrl: `http://${host}:${port.subgraph(i)}/healthz`,
    })),
    {
      name: 'issuer',
      entry: 'dev-issuer/dist/bin.js',
      args: ['--host', host],
      env: { LGSP_DEV_ISSUER_PORT: String(port.issuer) },
      readyUrl: `${issuerUrl}/.well-known/openid-configuration`,
    },
  ],
  [
    {
      name: 'gateway',
      entry: 'gateway/dist/bin.js',
      args: ['--config', 'config/gateway.dev.json', '--port', String(port.gateway)],
      env: {
        LGSP_GATEWAY_AUTH_ISSUER: issuerUrl,
        LGSP_GATEWAY_AUTH_ASSERTION_KEY_FILE: keys.privateKeyFile,
        ...(offset === 0
          ? {}
          : Object.fromEntries(systems.map((s, i) => [`LGSP_GATEWAY_SUBGRAPH_URL_${s}`, subgraphUrl(i)]))),
      },
      readyUrl: `http://${host}:${port.gateway}/readyz`,
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
  console.log(`start: ${service.name} pid ${child.pid}`);
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

async function waitReady(service, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (stopping) return;
    try {
      const res = await fetch(service.readyUrl, { signal: AbortSignal.timeout(2_000) });
      await res.body?.cancel();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${service.name} was not ready at ${service.readyUrl} within ${timeoutMs} ms`);
}

const running = (child) => child.exitCode === null && child.signalCode === null;

function stop(exitCode) {
  if (stopping) return;
  stopping = true;
  for (const child of children) if (running(child)) child.kill('SIGTERM');
  // Children drain in-flight requests on SIGTERM; whoever is still there after 8 s is killed, so none outlives us.
  const timer = setTimeout(() => {
    for (const child of children) if (running(child)) child.kill('SIGKILL');
  }, 8_000);
  Promise.all(children.map((c) => (running(c) ? new Promise((r) => c.once('exit', r)) : null))).then(() => {
    clearTimeout(timer);
    console.log(`start: all ${children.length} processes stopped`);
    process.exit(exitCode);
  });
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

const local = (p) => `http://localhost:${p}`;
if (!stopping) {
  console.log(`
LGSP Gateway is up (embedded defaults${offset ? `, ports offset by ${offset}` : ''}).
  GraphQL + GraphiQL   ${local(port.gateway)}/graphql
  Health / readiness   ${local(port.gateway)}/healthz   ${local(port.gateway)}/readyz
  Metrics (Prometheus) ${local(port.gateway)}/metrics
  Dev OIDC issuer      ${issuerUrl}/.well-known/openid-configuration
  Gateway signature    kid ${keys.kid}: subgraphs answer only calls the gateway signed (direct calls get 401)
                       keys ${path.relative(root, keys.privateKeyFile)} (private), ${path.relative(root, keys.publicKeysFile)}
  Subgraphs            ${systems.map((s, i) => `${s} ${local(port.subgraph(i))}/graphql`).join('\n                       ')}
  Simulators           ${systems.map((s, i) => `${s} ${local(port.simulator(i))}  (/__admin/faults, /__admin/stats)`).join('\n                       ')}
Example operations of the IOC: docs/queries/*.graphql
A token for a demo client (ioc-dashboard, partner-health, partner-police, auditor):
  npm run token -- ioc-dashboard
  curl -H "Authorization: Bearer $(npm run -s token -- ioc-dashboard)" -H 'Content-Type: application/json' \\
       -d '{"query":"{ administrativeUnit(code: \\"148\\") { name } }"}' ${local(port.gateway)}/graphql
Ctrl-C stops everything.`);
}
