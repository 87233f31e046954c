import { describe, expect, it } from '@jest/globals';
import { z } from 'zod';
import { ConfigError, loadConfig } from '../src/index.js';

const schema = z.object({
  port: z.number().int().default(4001),
  debug: z.boolean().default(false),
  scopes: z.array(z.string()).default([]),
  upstream: z.object({
    baseUrl: z.url(),
    requestTimeoutMs: z.number().positive().default(5000),
  }),
});

describe('loadConfig', () => {
  it('takes values from the config object and applies defaults', () => {
    const config = loadConfig(schema, {
      values: { upstream: { baseUrl: 'http://127.0.0.1:7001' } },
      env: {},
    });
    expect(config).toEqual({
      port: 4001,
      debug: false,
      scopes: [],
      upstream: { baseUrl: 'http://127.0.0.1:7001', requestTimeoutMs: 5000 },
    });
  });

  it('lets prefixed environment variables win, coerced to the schema types', () => {
    const config = loadConfig(schema, {
      values: { port: 1, upstream: { baseUrl: 'http://a.example' } },
      prefix: 'LGSP_HEALTH_',
      env: {
        LGSP_HEALTH_PORT: '4005',
        LGSP_HEALTH_DEBUG: 'true',
        LGSP_HEALTH_SCOPES: 'a, b',
        LGSP_HEALTH_UPSTREAM__REQUEST_TIMEOUT_MS: '250',
        OTHER_PORT: '9',
      },
    });
    expect(config).toMatchObject({
      port: 4005,
      debug: true,
      scopes: ['a', 'b'],
      upstream: { requestTimeoutMs: 250 },
    });
  });

  it('reports every problem at once, naming the environment variable', () => {
    let caught: unknown;
    try {
      loadConfig(schema, { prefix: 'X_', env: { X_PORT: 'abc', X_UPSTREAM__BASE_URL: 'not a url' } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    const problems = (caught as ConfigError).problems;
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^port \(env X_PORT\): /);
    expect(problems[1]).toMatch(/^upstream\.baseUrl \(env X_UPSTREAM__BASE_URL\): /);
  });
});
