import { describe, expect, it } from '@jest/globals';
import { loadHealthConfig } from '../src/config.js';

describe('health subgraph config', () => {
  it('defaults to the npm start layout: port 4104, the simulator on 4304', () => {
    const config = loadHealthConfig({ env: {} });
    expect(config.port).toBe(4104);
    expect(config.upstream).toMatchObject({
      baseUrl: 'http://127.0.0.1:4304/api/v1',
      requestTimeoutMs: 5_000,
      retries: 2,
      breakerFailureThreshold: 5,
    });
  });

  it('reads LGSP_HEALTH_* env over given values', () => {
    const config = loadHealthConfig({
      values: { port: 5000, upstream: { retries: 1 } },
      env: { LGSP_HEALTH_PORT: '0', LGSP_HEALTH_UPSTREAM__BASE_URL: 'http://10.0.0.5:8080/api/v1' },
    });
    expect(config.port).toBe(0);
    expect(config.upstream.baseUrl).toBe('http://10.0.0.5:8080/api/v1');
    expect(config.upstream.retries).toBe(1);
  });

  it('reports every invalid option at once, naming its env variable', () => {
    const env = {
      LGSP_HEALTH_PORT: 'eighty',
      LGSP_HEALTH_UPSTREAM__RETRIES: '9',
      LGSP_HEALTH_UPSTREAM__BASE_URL: 'nope',
    };
    let problems: string[] = [];
    try {
      loadHealthConfig({ env });
    } catch (error) {
      problems = (error as { problems: string[] }).problems;
    }
    expect(problems).toHaveLength(3);
    for (const name of Object.keys(env)) expect(problems.join('\n')).toContain(name);
  });
});
