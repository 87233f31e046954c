import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@lgsp/subgraph-kit';
import { loadPoliceConfig } from '../src/index.js';

describe('police subgraph config', () => {
  it('defaults to the npm start layout: port 4103 over the simulator on 4303', () => {
    const config = loadPoliceConfig({ env: {} });
    expect(config).toMatchObject({
      port: 4103,
      host: '127.0.0.1',
      upstream: {
        baseUrl: 'http://127.0.0.1:4303',
        requestTimeoutMs: 5000,
        retries: 2,
        breaker: { failureThreshold: 5 },
      },
    });
  });

  it('reads LGSP_POLICE_* variables over file values', () => {
    const config = loadPoliceConfig({
      values: { upstream: { baseUrl: 'http://police.internal:8080', retries: 1 } },
      env: { LGSP_POLICE_UPSTREAM__RETRIES: '0', LGSP_POLICE_UPSTREAM__BREAKER__OPEN_MS: '30000' },
    });
    expect(config.upstream).toMatchObject({
      baseUrl: 'http://police.internal:8080',
      retries: 0,
      breaker: { openMs: 30000 },
    });
  });

  it('reports every problem at once with the variable to fix', () => {
    let caught: unknown;
    try {
      loadPoliceConfig({ env: { LGSP_POLICE_PORT: 'abc', LGSP_POLICE_UPSTREAM__BASE_URL: 'nope' } });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ConfigError);
    expect((caught as ConfigError).problems.join('\n')).toMatch(
      /LGSP_POLICE_PORT[\s\S]*LGSP_POLICE_UPSTREAM__BASE_URL/,
    );
  });
});
