import { describe, expect, it } from '@jest/globals';
import { authConfigSchema } from '../../src/auth/authConfig.js';

describe('auth config', () => {
  it('defaults to required authentication against the gateway audience', () => {
    const config = authConfigSchema.parse({ issuer: 'https://id.example.gov.vn/realms/lgsp' });
    expect(config).toMatchObject({
      mode: 'required',
      audience: 'lgsp-gateway',
      registryFile: 'config/partners.json',
      clockToleranceSeconds: 30,
      maxTokenBytes: 8192,
      jwksCooldownMs: 30_000,
      subgraphAssertion: { enabled: true, ttlSeconds: 60 },
    });
  });

  it('needs no issuer when auth is off (conformance suites, benchmarks)', () => {
    expect(authConfigSchema.parse({ mode: 'off' }).mode).toBe('off');
  });

  it('reports every problem at once, including a missing issuer and a symmetric algorithm', () => {
    const result = authConfigSchema.safeParse({
      mode: 'optional',
      algorithms: ['HS256'],
      clockToleranceSeconds: -1,
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.')).sort();
    expect(paths).toEqual(['algorithms.0', 'clockToleranceSeconds', 'issuer']);
  });
});
