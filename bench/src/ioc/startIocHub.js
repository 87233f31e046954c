// The province hub for the IOC workload: the five simulators (no injected faults, so no added latency; clocks
// pinned so answers stay the same during a run) and the five real subgraphs, all pinned to the load-side core.
// In front of the subgraphs, memoizing proxies (startMemoProxies.js). Writes a copy of schema/supergraph.graphql
// that points at the proxies.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { repoRoot } from '../gateways/gatewayDefinitions.js';
import { cores, freePort, spawnPinned, stopProcess, waitUntil } from '../processes.js';

const proxiesEntry = path.join(path.dirname(fileURLToPath(import.meta.url)), 'startMemoProxies.js');

export const systems = ['catalog', 'egov', 'police', 'health', 'environment'];
const upstreamPath = {
  catalog: '/api/v1',
  egov: '/api/v1',
  police: '',
  health: '/api/v1',
  environment: '/api/v1',
};
/** A fixed instant inside the simulators' data, so every request in a run sees the same data. */
export const PINNED_NOW = '2026-11-20T09:00:00+07:00';

export function iocHubAvailable() {
  return (
    existsSync(path.join(repoRoot, 'schema/supergraph.graphql')) &&
    systems.every(
      (s) =>
        existsSync(path.join(repoRoot, `simulators/${s}/dist/main.js`)) &&
        existsSync(path.join(repoRoot, `subgraphs/${s}/dist/main.js`)),
    )
  );
}

async function startOne(entry, env, readyUrl) {
  const child = spawnPinned(cores.rest, [path.join(repoRoot, entry)], { env, cwd: repoRoot });
  await waitUntil(
    async () => (await fetch(readyUrl, { signal: AbortSignal.timeout(1_000) })).ok,
    30_000,
    entry,
  );
  return child;
}

/** @returns {Promise<{ supergraphPath: string, urls: Record<string, string>, pids: number[], close(): Promise<void> }>} */
export async function startIocHub(dir) {
  const children = [];
  const urls = {};
  try {
    const simPorts = {};
    for (const s of systems) {
      simPorts[s] = await freePort();
      const env = { PORT: String(simPorts[s]), HOST: '127.0.0.1', NOW: PINNED_NOW };
      children.push(
        await startOne(`simulators/${s}/dist/main.js`, env, `http://127.0.0.1:${simPorts[s]}/__admin/stats`),
      );
    }
    for (const s of systems) {
      const port = await freePort();
      const prefix = `LGSP_${s.toUpperCase()}_`;
      const env = {
        [`${prefix}PORT`]: String(port),
        [`${prefix}HOST`]: '127.0.0.1',
        [`${prefix}UPSTREAM__BASE_URL`]: `http://127.0.0.1:${simPorts[s]}${upstreamPath[s]}`,
        NOW: PINNED_NOW,
      };
      children.push(await startOne(`subgraphs/${s}/dist/main.js`, env, `http://127.0.0.1:${port}/healthz`));
      urls[s] = `http://127.0.0.1:${port}/graphql`;
    }
    // Gateways call the memoizing proxies; the proxies call the real subgraphs once per distinct request.
    const proxies = spawnPinned(cores.rest, [proxiesEntry, JSON.stringify(urls)], { ipc: true });
    children.push(proxies);
    const started = await new Promise((resolve, reject) => {
      proxies.once('message', resolve);
      proxies.once('exit', (code) => reject(new Error(`memo proxies exited (${code})`)));
    });
    Object.assign(urls, started.urls);
  } catch (error) {
    await Promise.all(children.map(stopProcess));
    throw error;
  }
  const sdl = readFileSync(path.join(repoRoot, 'schema/supergraph.graphql'), 'utf8').replace(
    /@join__graph\(name: "(\w+)", url: "[^"]*"\)/g,
    (whole, name) => (urls[name] ? `@join__graph(name: "${name}", url: "${urls[name]}")` : whole),
  );
  const supergraphPath = path.join(dir, 'ioc-supergraph.graphql');
  writeFileSync(supergraphPath, sdl);
  return {
    supergraphPath,
    urls,
    pids: children.map((c) => c.pid),
    close: () => Promise.all(children.map(stopProcess)).then(() => undefined),
  };
}
