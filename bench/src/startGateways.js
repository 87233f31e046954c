// Starts every selected gateway over one supergraph, each pinned to the gateway core, and waits until each
// answers a GraphQL request.
import { existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gatewayDefinitions, repoRoot } from './gateways/gatewayDefinitions.js';
import { cores, freePort, spawnPinned, stopProcess, waitUntil } from './processes.js';

async function answersGraphQL(url) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"query":"{ __typename }"}',
    signal: AbortSignal.timeout(2_000),
  });
  return response.ok;
}

export function selectGateways(ids) {
  const selected = gatewayDefinitions.filter((g) => ids.includes(g.id));
  if (selected.some((g) => g.id === 'lgsp') && !existsSync(path.join(repoRoot, 'gateway/dist/bin.js'))) {
    throw new Error('gateway/dist/bin.js is missing: run `npm run build` (or `npx tsc -b gateway`) first');
  }
  return selected;
}

/** @returns {Promise<{ def: object, child: import('node:child_process').ChildProcess, url: string, stderr: string[] }[]>} */
export async function startGateways(definitions, supergraphPath, extraArgs = {}) {
  const running = [];
  for (const def of definitions) {
    const port = await freePort();
    // Hive Gateway reads gateway.config.* from its working directory: give it an empty one.
    const cwd = mkdtempSync(path.join(tmpdir(), `lgsp-bench-${def.id}-`));
    const child = spawnPinned(
      cores.gateway,
      [...(extraArgs[def.id] ?? []), ...def.args(supergraphPath, port)],
      {
        cwd,
      },
    );
    const stderr = [];
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk) => stderr.length < 50 && stderr.push(chunk));
    const url = `http://127.0.0.1:${port}/graphql`;
    running.push({ def, child, url, stderr });
  }
  for (const gw of running) {
    try {
      await waitUntil(() => answersGraphQL(gw.url), 60_000, gw.def.label);
    } catch (error) {
      gw.startError = `${error.message}: ${gw.stderr.join('').slice(0, 500)}`;
    }
  }
  return running;
}

export async function stopGateways(running) {
  await Promise.all(running.map((gw) => stopProcess(gw.child)));
}
