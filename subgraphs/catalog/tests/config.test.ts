import { describe, expect, it } from '@jest/globals';
import { ConfigError } from '@lgsp/subgraph-kit';
import { loadCatalogConfig } from '../src/config.js';

describe('catalog config', () => {
  it('defaults to port 4101 and the simulator on 4301', () => {
    expect(loadCatalogConfig({ env: {} })).toEqual({
      port: 4101,
      host: '127.0.0.1',
      upstream: {
        baseUrl: 'http://127.0.0.1:4301/api/v1',
        requestTimeoutMs: 5000,
        connectTimeoutMs: 2000,
        retries: 2,
        connections: 16,
      },
    });
  });

  it('lets LGSP_CATALOG_* variables override values', () => {
    const config = loadCatalogConfig({
      values: { upstream: { retries: 1 } },
      env: {
        LGSP_CATALOG_PORT: '5101',
        LGSP_CATALOG_UPSTREAM__BASE_URL: 'https://danhmuc.example.vn/api/v1',
      },
    });
    expect(config).toMatchObject({
      port: 5101,
      upstream: { baseUrl: 'https://danhmuc.example.vn/api/v1', retries: 1 },
    });
  });

  it('reports every problem with the env variable to fix', () => {
    const load = () =>
      loadCatalogConfig({ env: { LGSP_CATALOG_PORT: 'abc', LGSP_CATALOG_UPSTREAM__RETRIES: '9' } });
    expect(load).toThrow(ConfigError);
    try {
      load();
    } catch (error) {
      const problems = (error as ConfigError).problems.join('\n');
      expect(problems).toContain('LGSP_CATALOG_PORT');
      expect(problems).toContain('LGSP_CATALOG_UPSTREAM__RETRIES');
    }
  });
});
