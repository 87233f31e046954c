import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createSimulatorAdmin, type SimulatorAdmin } from './simulatorAdmin.js';

/** What the suite asks `createClient` to use: short timeouts and backoff, a breaker that stays out of the way. */
export interface ConformanceClientOptions {
  /** The simulator's URL (no path); append the system's own prefix if it has one. */
  baseUrl: string;
  requestTimeoutMs: number;
  retries: number;
  backoffBaseMs: number;
  backoffMaxMs: number;
  breaker: { failureThreshold: number; openMs: number };
}

export interface FetchContext {
  /** Must reach the upstream as `x-request-id`. */
  requestId: string;
}

export interface UpstreamAdapterConformanceOptions<C, K, V> {
  /** Names the describe block (`health`). */
  system: string;
  /** Starts the system's simulator (port 0). Called once per suite. */
  startSimulator: () => Promise<{ url: string; close(): Promise<void> }>;
  /** Builds the subgraph's upstream client (usually wrapping `createUpstreamClient`) with these settings. */
  createClient: (options: ConformanceClientOptions) => C;
  /** Default: calls `client.close()` when it exists. */
  closeClient?: (client: C) => Promise<void>;
  /** The subgraph's keyed read for one key, as its resolvers use it: `null` for an unknown key. */
  fetchOne: (client: C, key: K, context: FetchContext) => Promise<V | null>;
  /** The subgraph's batched read (what its DataLoader batch function calls): results in key order. */
  fetchMany: (client: C, keys: readonly K[], context: FetchContext) => Promise<ReadonlyArray<V | null>>;
  /** At least two keys the simulator knows. */
  existingKeys: readonly K[];
  /** A key the simulator answers 404 (or an empty result) for. */
  missingKey: K;
  /** Reads the key back out of a fetched value, to check order. */
  keyOf: (value: V) => K;
  /** Restricts injected faults to this route (see FaultSpec.route). Default: every route. */
  faultRoute?: string;
  /** Retries the suite configures for reads. Default 2. */
  retries?: number;
}

async function settle<T>(promise: Promise<T>): Promise<{ value?: T; error?: unknown }> {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

/**
 * The shared upstream-adapter conformance suite (issue 3). Each subgraph's tests call it once with its own
 * client and reads; it checks timeouts, 5xx, resets, malformed payloads, 404 → null, batch order with one upstream
 * call, and request-id forwarding, against the system's real simulator.
 */
export function describeUpstreamAdapterConformance<C, K, V>(
  options: UpstreamAdapterConformanceOptions<C, K, V>,
): void {
  const retries = options.retries ?? 2;
  const route = options.faultRoute;
  let simulator: { url: string; close(): Promise<void> };
  let admin: SimulatorAdmin;
  const clients: C[] = [];

  const client = (overrides: Partial<ConformanceClientOptions> = {}): C => {
    const created = options.createClient({
      baseUrl: simulator.url,
      requestTimeoutMs: 10_000,
      retries,
      backoffBaseMs: 1,
      backoffMaxMs: 10,
      breaker: { failureThreshold: 1_000, openMs: 1_000 },
      ...overrides,
    });
    clients.push(created);
    return created;
  };
  const closeClient =
    options.closeClient ??
    (async (created: C) => {
      await (created as { close?: () => Promise<void> }).close?.();
    });
  const context = (): FetchContext => ({ requestId: `conformance-${randomUUID()}` });
  const [firstKey, secondKey] = options.existingKeys;

  describe(`upstream adapter conformance: ${options.system}`, () => {
    beforeAll(async () => {
      if (options.existingKeys.length < 2) throw new Error('existingKeys needs at least two keys');
      simulator = await options.startSimulator();
      admin = createSimulatorAdmin(simulator.url);
    });
    afterAll(() => simulator?.close());
    beforeEach(async () => {
      await admin.clearFaults();
      await admin.resetStats();
    });
    afterEach(async () => {
      await admin.clearFaults();
      await Promise.all(clients.splice(0).map(closeClient));
    });

    it('returns the value for a known key and forwards x-request-id', async () => {
      const ctx = context();
      const value = await options.fetchOne(client(), firstKey as K, ctx);
      expect(value).not.toBeNull();
      expect(options.keyOf(value as V)).toEqual(firstKey);
      expect((await admin.stats()).recentRequestIds).toContain(ctx.requestId);
    });

    it('returns null, not an error, for an unknown key', async () => {
      await expect(options.fetchOne(client(), options.missingKey, context())).resolves.toBeNull();
    });

    it('fails with UPSTREAM_TIMEOUT when the system does not answer', async () => {
      await admin.addFault({ route, timeout: true });
      const { error } = await settle(
        options.fetchOne(client({ requestTimeoutMs: 300, retries: 0 }), firstKey as K, context()),
      );
      expect(error).toMatchObject({ code: 'UPSTREAM_TIMEOUT' });
    });

    it('retries a read that fails with 5xx, then fails with UPSTREAM_ERROR without quoting the body', async () => {
      await admin.addFault({ route, status: 503 });
      const { error } = await settle(options.fetchOne(client(), firstKey as K, context()));
      expect(error).toMatchObject({ code: 'UPSTREAM_ERROR' });
      expect((error as Error).message).not.toContain('injected fault');
      expect((await admin.stats()).total).toBe(1 + retries);
    });

    it('recovers from a single 5xx by retrying the read', async () => {
      await admin.addFault({ route, status: 502, times: 1 });
      const value = await options.fetchOne(client(), firstKey as K, context());
      expect(options.keyOf(value as V)).toEqual(firstKey);
    });

    it('fails with UPSTREAM_UNAVAILABLE when the connection keeps being reset', async () => {
      await admin.addFault({ route, reset: true });
      const { error } = await settle(options.fetchOne(client(), firstKey as K, context()));
      expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
    });

    it('recovers from a single connection reset by retrying the read', async () => {
      await admin.addFault({ route, reset: true, times: 1 });
      const value = await options.fetchOne(client(), firstKey as K, context());
      expect(options.keyOf(value as V)).toEqual(firstKey);
    });

    it('fails with UPSTREAM_ERROR on a malformed payload', async () => {
      await admin.addFault({ route, malformed: true });
      const { error } = await settle(options.fetchOne(client(), firstKey as K, context()));
      expect(error).toMatchObject({ code: 'UPSTREAM_ERROR' });
      expect((error as Error).message).not.toContain('truncated');
    });

    it('fails fast with UPSTREAM_UNAVAILABLE while the circuit is open, then probes and recovers', async () => {
      const breaking = client({ retries: 0, breaker: { failureThreshold: 2, openMs: 200 } });
      await admin.addFault({ route, status: 503 });
      for (let failure = 0; failure < 2; failure += 1) {
        const { error } = await settle(options.fetchOne(breaking, firstKey as K, context()));
        expect(error).toMatchObject({ code: 'UPSTREAM_ERROR' });
      }
      const { error } = await settle(options.fetchOne(breaking, firstKey as K, context()));
      expect(error).toMatchObject({ code: 'UPSTREAM_UNAVAILABLE' });
      expect((await admin.stats()).total).toBe(2);
      await admin.clearFaults();
      let recovered: V | null | undefined;
      for (let attempt = 0; attempt < 100 && recovered === undefined; attempt += 1) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        recovered = (await settle(options.fetchOne(breaking, firstKey as K, context()))).value;
      }
      expect(options.keyOf(recovered as V)).toEqual(firstKey);
    });

    it('fetches many keys in one upstream call, in key order, with null for the unknown key', async () => {
      const keys = [secondKey as K, options.missingKey, firstKey as K];
      const results = await options.fetchMany(client(), keys, context());
      expect(results).toHaveLength(3);
      expect(options.keyOf(results[0] as V)).toEqual(secondKey);
      expect(results[1]).toBeNull();
      expect(options.keyOf(results[2] as V)).toEqual(firstKey);
      expect((await admin.stats()).total).toBe(1);
    });

    it('forwards x-request-id on a batched call', async () => {
      const ctx = context();
      await options.fetchMany(client(), [firstKey as K, secondKey as K], ctx);
      expect((await admin.stats()).recentRequestIds).toEqual([ctx.requestId]);
    });

    it('fails a batched call with an upstream code, not an unknown error', async () => {
      await admin.addFault({ route, status: 500 });
      const { error } = await settle(options.fetchMany(client(), [firstKey as K, secondKey as K], context()));
      expect(error).toMatchObject({ code: 'UPSTREAM_ERROR' });
    });
  });
}
