import { describe, expect, it } from '@jest/globals';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadConfig } from '../src/config.js';

async function tempJson(value: unknown): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'lgsp-cfg-')), 'gateway.json');
  await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

function problemsOf(fn: () => unknown): string[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('fills every default when only the supergraph and the token issuer are given', () => {
    const config = loadConfig({
      overrides: {
        supergraph: { path: 's.graphql' },
        auth: { issuer: 'https://id.example.gov.vn/realms/lgsp' },
      },
    });
    expect(config).toEqual({
      dev: false,
      requestIdHeader: 'x-request-id',
      server: {
        host: '0.0.0.0',
        port: 4000,
        graphqlPath: '/graphql',
        maxBodyBytes: 1_048_576,
        maxTokens: 10_000,
        maxDepth: 32,
        shutdownTimeoutMs: 10_000,
      },
      supergraph: { path: 's.graphql', watch: true, pollIntervalMs: 1000 },
      subgraphs: {
        timeoutMs: 10_000,
        connections: 128,
        keepAliveTimeoutMs: 30_000,
        maxResponseBytes: 16_777_216,
        forwardHeaders: [],
        probeTimeoutMs: 2000,
        overrides: {},
      },
      execution: { planner: false },
      log: { level: 'info' },
      auth: {
        mode: 'required',
        issuer: 'https://id.example.gov.vn/realms/lgsp',
        audience: 'lgsp-gateway',
        registryFile: 'config/partners.json',
        watchRegistry: true,
        clockToleranceSeconds: 30,
        maxTokenBytes: 8192,
        jwksCooldownMs: 30_000,
        jwksTimeoutMs: 5000,
        realm: 'lgsp',
        rules: { scopes: {}, policies: {} },
        subgraphAssertion: { enabled: true, issuer: 'lgsp-gateway', ttlSeconds: 60 },
      },
      metrics: { enabled: true, path: '/metrics', perClientLabels: false, processMetrics: true },
      audit: expect.objectContaining({
        enabled: true,
        sink: 'file',
        failMode: 'closed',
        file: expect.objectContaining({ dir: '.data/audit' }),
      }),
      limits: expect.objectContaining({
        enabled: true,
        defaults: { requestsPerMinute: 600, burst: 600, costPerMinute: 20_000, costPerDay: 2_000_000 },
        store: expect.objectContaining({ kind: 'memory', onUnavailable: 'open' }),
      }),
      cache: expect.objectContaining({ enabled: false, dedupInflight: true }),
    });
  });

  it('takes the audit sink and its PostgreSQL URL from the environment', () => {
    const config = loadConfig({
      env: {
        LGSP_GATEWAY_SUPERGRAPH: 's.graphql',
        LGSP_GATEWAY_AUTH_MODE: 'off',
        LGSP_GATEWAY_AUDIT_SINK: 'postgres',
        LGSP_GATEWAY_AUDIT_PG_URL: 'postgres://audit@db/lgsp',
      },
    });
    expect(config.audit.sink).toBe('postgres');
    expect(config.audit.postgres.connectionString).toBe('postgres://audit@db/lgsp');
  });

  it('has limits on and the cache off by default, and reads their switches from LGSP_GATEWAY_* variables', () => {
    const defaults = loadConfig({ env: { LGSP_GATEWAY_SUPERGRAPH: 's', LGSP_GATEWAY_AUTH_MODE: 'off' } });
    expect(defaults.limits.enabled).toBe(true);
    expect(defaults.limits.defaults.costPerMinute).toBe(20_000);
    expect(defaults.cache.enabled).toBe(false);
    const config = loadConfig({
      env: {
        LGSP_GATEWAY_SUPERGRAPH: 's',
        LGSP_GATEWAY_AUTH_MODE: 'off',
        LGSP_GATEWAY_LIMITS_ENABLED: 'false',
        LGSP_GATEWAY_LIMITS_STORE: 'redis',
        LGSP_GATEWAY_LIMITS_REDIS_URL: 'redis://redis.lgsp.svc:6379',
        LGSP_GATEWAY_LIMITS_ON_UNAVAILABLE: 'closed',
        LGSP_GATEWAY_TRUSTED_DOCUMENTS: 'a.json, b.json',
        LGSP_GATEWAY_CORS_ORIGINS: 'https://ioc.hoabinh.gov.vn',
        LGSP_GATEWAY_CACHE_ENABLED: 'true',
        LGSP_GATEWAY_CACHE_STORE: 'redis',
      },
    });
    expect(config.limits).toMatchObject({
      enabled: false,
      store: { kind: 'redis', redisUrl: 'redis://redis.lgsp.svc:6379', onUnavailable: 'closed' },
      trustedDocuments: { manifests: ['a.json', 'b.json'] },
      cors: { allowedOrigins: ['https://ioc.hoabinh.gov.vn'] },
    });
    expect(config.cache).toMatchObject({ enabled: true, store: 'redis' });
  });

  it('requires a token issuer unless auth is turned off', () => {
    expect(problemsOf(() => loadConfig({ overrides: { supergraph: { path: 's' } } }))).toEqual([
      'auth.issuer: issuer is required unless mode is off',
    ]);
    const off = loadConfig({
      overrides: { supergraph: { path: 's' } },
      env: { LGSP_GATEWAY_AUTH_MODE: 'off' },
    });
    expect(off.auth.mode).toBe('off');
  });

  it('reads the auth issuer, registry and assertion key from LGSP_GATEWAY_AUTH_* variables', () => {
    const config = loadConfig({
      overrides: { supergraph: { path: 's' } },
      env: {
        LGSP_GATEWAY_AUTH_ISSUER: 'http://127.0.0.1:4010',
        LGSP_GATEWAY_AUTH_REGISTRY_FILE: '/etc/lgsp/partners.json',
        LGSP_GATEWAY_AUTH_ASSERTION_KEY_FILE: '/run/secrets/assertion.jwk',
      },
    });
    expect(config.auth).toMatchObject({
      mode: 'required',
      issuer: 'http://127.0.0.1:4010',
      registryFile: '/etc/lgsp/partners.json',
      subgraphAssertion: { privateKeyFile: '/run/secrets/assertion.jwk' },
    });
  });

  it('layers file, then LGSP_GATEWAY_* environment, then overrides', async () => {
    const file = await tempJson({
      server: { port: 5000, host: '127.0.0.1' },
      supergraph: { path: 'file.graphql' },
    });
    const config = loadConfig({
      file,
      env: {
        LGSP_GATEWAY_PORT: '6000',
        LGSP_GATEWAY_FORWARD_HEADERS: 'Authorization, traceparent',
        LGSP_GATEWAY_SUBGRAPH_URL_health: 'http://health.internal:4001/graphql',
        LGSP_GATEWAY_DEV: 'true',
        HOME: '/root',
      },
      overrides: { supergraph: { path: 'cli.graphql' }, auth: { mode: 'off' } },
    });
    expect(config.server).toMatchObject({ port: 6000, host: '127.0.0.1' });
    expect(config.supergraph.path).toBe('cli.graphql');
    expect(config.dev).toBe(true);
    expect(config.subgraphs.forwardHeaders).toEqual(['authorization', 'traceparent']);
    expect(config.subgraphs.overrides).toEqual({ health: { url: 'http://health.internal:4001/graphql' } });
  });

  it('reports every problem at once, from the file, the environment and the schema', async () => {
    const file = await tempJson({ server: { port: 70000, bogus: 1 }, subgraphs: { timeoutMs: -1 } });
    const problems = problemsOf(() =>
      loadConfig({ file, env: { LGSP_GATEWAY_SUBGRAPH_TIMEOUT_MS: 'soon', LGSP_GATEWAY_DEV: 'yes' } }),
    );
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^LGSP_GATEWAY_SUBGRAPH_TIMEOUT_MS: expected a number/),
        expect.stringMatching(/^LGSP_GATEWAY_DEV: expected true or false/),
        expect.stringMatching(/^server\.port:/),
        expect.stringMatching(/^server: .*bogus/),
        expect.stringMatching(/^supergraph:/),
      ]),
    );
    expect(problems.length).toBeGreaterThanOrEqual(5);
  });

  it('reports a config file that is not JSON', async () => {
    const file = await tempJson('{ port: 1');
    const problems = problemsOf(() =>
      loadConfig({ file, overrides: { supergraph: { path: 's' }, auth: { mode: 'off' } } }),
    );
    expect(problems).toEqual([expect.stringContaining(file)]);
  });

  it('rejects a subgraph URL override that is not a URL', () => {
    const problems = problemsOf(() =>
      loadConfig({
        overrides: { supergraph: { path: 's' }, auth: { mode: 'off' } },
        env: { LGSP_GATEWAY_SUBGRAPH_URL_health: 'nope' },
      }),
    );
    expect(problems).toEqual([expect.stringMatching(/^subgraphs\.overrides\.health\.url:/)]);
  });
});
