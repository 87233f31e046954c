// Starts every selected gateway over one supergraph, each pinned to the gateway core, and waits until each
// answers a GraphQL request.
import { existsSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { experimentDefinitions } from '../experiments/experimentDefinitions.js';
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
  const known = [...gatewayDefinitions, ...experimentDefinitions];
  const unknown = ids.filter((id) => !known.some((g) => g.id === id));
  if (unknown.length)
    throw new Error(`unknown gateway ids: ${unknown.join(', ')} (known: ${known.map((g) => g.id)})`);
  const selected = ids.map((id) => known.find((g) => g.id === id));
  if (
    selected.some((g) => g.id.startsWith('lgsp')) &&
    !existsSync(path.join(repoRoot, 'gateway/dist/bin.js'))
  ) {
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
        env: def.env,
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
      await waitUntil(
        () => {
          if (gw.child.exitCode !== null) throw Object.assign(new Error('exited'), { fatal: true });
          return answersGraphQL(gw.url);
        },
        60_000,
        gw.def.label,
      );
    } catch (error) {
      // The first line that names the problem (an error class or message), not a stack.
      const lines = gw.stderr
        .join('')
        .split('\n')
        .map((l) => l.trim());
      const at = lines.findIndex(
        (l) => /error|invalid|unsupported|failed/i.test(l) && !/\.[cm]?js:\d|^at /.test(l),
      );
      const named = at < 0 ? '' : lines.slice(at, at + 2).join(' ');
      gw.startError = `did not start (${error.message}): ${named.slice(0, 300)}`;
    }
  }
  return running;
}

export async function stopGateways(running) {
  await Promise.all(running.map((gw) => stopProcess(gw.child)));
}
