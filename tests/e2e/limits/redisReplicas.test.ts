import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { composeSupergraph } from '@lgsp/schema';
import { startSubgraph, type FixtureSubgraph } from '../../fixtures/federation/startSubgraph.js';
import { kpi } from './limitsSubgraphs.js';
import { startRedis, startReplica, type Child } from './replicaHarness.js';

type Replica = Child & { url: string };

const ask = async (replica: Replica, query = '{ dashboard { revision } }') => {
  const response = await fetch(`${replica.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json' },
    body: JSON.stringify({ query }),
  });
  return {
    status: response.status,
    headers: response.headers,
    json: (await response.json()) as Record<string, unknown>,
  };
};

describe('limits shared through Redis by two gateway processes', () => {
  let subgraph: FixtureSubgraph;
  let redis: Child & { url: string };
  let workDir: string;
  let replicas: Replica[] = [];

  beforeAll(async () => {
    [subgraph, redis] = await Promise.all([startSubgraph(kpi), startRedis()]);
    workDir = await mkdtemp(join(tmpdir(), 'lgsp-replicas-'));
    const composed = composeSupergraph([{ name: kpi.name, url: subgraph.url, sdl: kpi.typeDefs }]);
    if (!composed.ok) throw new Error(composed.errors.join('\n'));
    const path = join(workDir, 'supergraph.graphql');
    await writeFile(path, composed.supergraphSdl);
    const keyPrefix = `limits-test-${process.pid}-${Date.now()}:`;
    const replicaConfig = (onUnavailable: 'open' | 'closed') => ({
      gateway: { supergraph: { path, watch: false }, log: { level: 'info' } },
      limits: {
        // Without auth every caller is `anonymous`: one bucket of 6, refilled at 1 per minute, for both replicas.
        clients: { anonymous: { requestsPerMinute: 1, burst: 6 } },
        store: { kind: 'redis', redisUrl: redis.url, keyPrefix, onUnavailable },
      },
      cache: { enabled: true, store: 'redis', ttlSeconds: { 'Query.dashboard': 60 } },
    });
    replicas = await Promise.all([
      startReplica(replicaConfig('open')),
      startReplica(replicaConfig('closed')),
    ]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(replicas.map((replica) => replica.stop()));
    await redis?.stop();
    await subgraph?.close();
    if (workDir) await rm(workDir, { recursive: true, force: true });
  });

  it('serves a dashboard cached by one replica from the other', async () => {
    const first = await ask(replicas[0]!);
    const second = await ask(replicas[1]!);
    expect(second.json).toEqual(first.json);
    expect(subgraph.requests).toHaveLength(1);
    expect(second.headers.get('age')).toMatch(/^\d+$/);
  });

  it('enforces one request bucket across both replicas', async () => {
    // Two requests went out above: 4 tokens are left in the shared bucket of 6.
    const statuses: number[] = [];
    for (let i = 0; i < 6; i += 1) statuses.push((await ask(replicas[i % 2]!)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
  });

  it('fails open or closed as configured when Redis stops, logs it, and never crashes', async () => {
    await redis.stop();
    const open = await ask(replicas[0]!);
    const closed = await ask(replicas[1]!);
    expect(open.status).toBe(200);
    expect(closed.status).toBe(503);
    expect(closed.json).toMatchObject({ errors: [{ extensions: { code: 'LIMITS_UNAVAILABLE' } }] });
    for (const replica of replicas) {
      expect(replica.process.exitCode).toBeNull();
      expect((await fetch(`${replica.url}/healthz`)).status).toBe(200);
    }
    expect(replicas[0]!.lines.some((line) => line.includes('limit store unavailable: failing open'))).toBe(
      true,
    );
    expect(
      replicas[1]!.lines.some((line) => line.includes('limit store unavailable: refusing requests')),
    ).toBe(true);
  });
});
