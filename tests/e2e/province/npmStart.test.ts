import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from '@jest/globals';
import { repositoryRoot } from '@lgsp/schema';

// `npm start` (scripts/start.js over the built dist entries) as a user runs it: the banner, a token from
// `npm run token`, one query through the gateway, Ctrl-C, and no process left behind. The ports are shifted with
// LGSP_PORT_OFFSET so a developer's own `npm start` or another run can go on beside it.

const standardPorts = [4000, 4010, 4101, 4102, 4103, 4104, 4105, 4301, 4302, 4303, 4304, 4305];

function isFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen(port, '127.0.0.1', () => server.close(() => resolve(true)));
  });
}

/** An offset whose 12 ports are free now, below the kernel's ephemeral range so port-0 servers do not take them. */
async function freeOffset(): Promise<number> {
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const offset = 10_000 + Math.floor(Math.random() * 180) * 100;
    const free = await Promise.all(standardPorts.map((p) => isFree(p + offset)));
    if (free.every(Boolean)) return offset;
  }
  throw new Error('no free port offset found');
}

let child: ChildProcess | undefined;
const pids = new Map<string, number>();
let workDir: string | undefined;

afterAll(async () => {
  // Only if an assertion failed half-way: leave nothing running.
  if (child && child.exitCode === null) child.kill('SIGKILL');
  for (const pid of pids.values()) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  if (workDir) await rm(workDir, { recursive: true, force: true });
});

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('npm start', () => {
  it('starts the hub, serves GraphiQL and a query on the gateway, and stops every process on Ctrl-C', async () => {
    const offset = await freeOffset();
    workDir = await mkdtemp(path.join(tmpdir(), 'lgsp-npm-start-'));
    const env = {
      ...process.env,
      LGSP_PORT_OFFSET: String(offset),
      LGSP_DEV_ISSUER_CLIENTS_FILE: path.join(workDir, 'clients.json'),
      LGSP_KEYS_DIR: path.join(workDir, 'keys'),
    };
    const started = spawn(process.execPath, ['scripts/start.js'], {
      cwd: repositoryRoot,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = started;
    let output = '';
    const exited = new Promise<number | null>((resolve) => started.once('exit', (code) => resolve(code)));
    const banner = new Promise<void>((resolve, reject) => {
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        for (const match of output.matchAll(/^start: (\S+) pid (\d+)$/gm))
          pids.set(match[1]!, Number(match[2]));
        if (output.includes('LGSP Gateway is up')) resolve();
      };
      started.stdout.on('data', onData);
      started.stderr.on('data', onData);
      void exited.then((code) => reject(new Error(`start.js exited with ${code}:\n${output.slice(-3000)}`)));
    });
    await banner;
    expect(output).toContain(`http://localhost:${4000 + offset}/graphql`);
    expect([...pids.keys()].sort()).toEqual(
      [
        'catalog',
        'egov',
        'environment',
        'gateway',
        'health',
        'issuer',
        'police',
        'sim-catalog',
        'sim-egov',
        'sim-environment',
        'sim-health',
        'sim-police',
      ].sort(),
    );

    // The banner's own instructions: a token from `npm run token`, then a query on the gateway's port.
    const { stdout: token } = await promisify(execFile)(
      process.execPath,
      ['dev-issuer/dist/token.js', 'ioc-dashboard'],
      { cwd: repositoryRoot, env },
    );
    const response = await fetch(`http://127.0.0.1:${4000 + offset}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.trim()}` },
      body: JSON.stringify({
        query: `query ($p: PeriodInput!) { administrativeUnit(code: "148") {
          name healthFacilities { id } monitoringStations { id }
          children { code dossierStats(period: $p) { received } incidentStats(period: $p) { total } } } }`,
        variables: { p: { from: '2025-06-01', to: '2025-06-30' } },
      }),
    });
    const body = (await response.json()) as {
      data?: { administrativeUnit: { name: string; children: Record<string, unknown>[] } };
      errors?: unknown[];
    };
    expect(body.errors).toBeUndefined();
    expect(body.data?.administrativeUnit).toMatchObject({
      name: 'Thành phố Hòa Bình',
      healthFacilities: expect.arrayContaining([{ id: expect.any(String) }]),
      monitoringStations: expect.arrayContaining([{ id: expect.any(String) }]),
    });
    expect(body.data?.administrativeUnit.children).toHaveLength(19);
    // Limits are on (config/gateway.dev.json): the query was costed, and the IOC spends its own, larger budget.
    expect(Number(response.headers.get('x-cost-estimate'))).toBeGreaterThan(0);
    expect(Number(response.headers.get('x-cost-remaining-minute'))).toBeGreaterThan(20_000);
    expect(body.data?.administrativeUnit.children[0]).toEqual({
      code: '04789',
      dossierStats: { received: expect.any(Number) },
      incidentStats: { total: expect.any(Number) },
    });

    // The subgraphs verify the gateway's signature: the query above went through all of them; a call that bypasses
    // the gateway is refused.
    const subgraphs = ['catalog', 'egov', 'police', 'health', 'environment'];
    const direct = await Promise.all(
      subgraphs.map(async (_, i) => {
        const refused = await fetch(`http://127.0.0.1:${4101 + i + offset}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token.trim()}` },
          body: JSON.stringify({ query: '{ __typename }' }),
        });
        const refusal = (await refused.json()) as { errors?: { extensions?: { code?: string } }[] };
        return [refused.status, refusal.errors?.[0]?.extensions?.code];
      }),
    );
    expect(direct).toEqual(subgraphs.map(() => [401, 'UNAUTHENTICATED']));

    // Development mode: a browser opening the GraphQL URL gets GraphiQL.
    const graphiql = await fetch(`http://127.0.0.1:${4000 + offset}/graphql`, {
      headers: { accept: 'text/html' },
    });
    expect(graphiql.status).toBe(200);
    expect(await graphiql.text()).toMatch(/graphiql/i);

    started.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(output).toContain('start: all 12 processes stopped');
    expect([...pids].filter(([, pid]) => isAlive(pid))).toEqual([]);
  }, 180_000);
});
