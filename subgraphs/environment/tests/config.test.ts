import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@lgsp/subgraph-kit';
import { loadEnvironmentConfig } from '../src/config.js';

describe('environment config', () => {
  it('defaults to port 4105 and the simulator on 4305', () => {
    expect(loadEnvironmentConfig({ env: {} })).toEqual({
      port: 4105,
      host: '127.0.0.1',
      upstream: {
        baseUrl: 'http://127.0.0.1:4305/api/v1',
        requestTimeoutMs: 5000,
        connectTimeoutMs: 2000,
        retries: 2,
        connections: 16,
      },
    });
  });

  it('lets LGSP_ENVIRONMENT_* variables override values', () => {
    const config = loadEnvironmentConfig({
      values: { upstream: { retries: 1 } },
      env: {
        LGSP_ENVIRONMENT_PORT: '5105',
        LGSP_ENVIRONMENT_UPSTREAM__BASE_URL: 'https://quantrac.example.vn/api/v1',
      },
    });
    expect(config).toMatchObject({
      port: 5105,
      upstream: { baseUrl: 'https://quantrac.example.vn/api/v1', retries: 1 },
    });
  });

  it('reports every problem with the env variable to fix', () => {
    const load = () =>
      loadEnvironmentConfig({
        env: { LGSP_ENVIRONMENT_PORT: 'abc', LGSP_ENVIRONMENT_UPSTREAM__RETRIES: '9' },
      });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('LGSP_ENVIRONMENT_PORT');
      expect(problems).toContain('LGSP_ENVIRONMENT_UPSTREAM__RETRIES');
    }
  });
});
