import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startLimitsHub, type LimitsHub } from './limitsHarness.js';

const ioc = 'https://ioc.hoabinh.gov.vn';

describe('CORS allow-list and CSRF prevention', () => {
  let hub: LimitsHub;
  beforeAll(async () => {
    hub = await startLimitsHub({ limits: { cors: { allowedOrigins: [ioc] } } });
  });
  afterAll(() => hub.close());

  const preflight = (origin: string) =>
    hub.gateway.fetch('http://gateway/graphql', {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization, content-type',
      },
    });

  it('answers a preflight from an allowed origin with that origin only', async () => {
    const answer = await preflight(ioc);
    expect(answer.status).toBe(204);
    expect(answer.headers.get('access-control-allow-origin')).toBe(ioc);
    expect(answer.headers.get('access-control-allow-headers')).toContain('authorization');
  });

  it('gives another origin no CORS headers at all', async () => {
    const answer = await preflight('https://evil.example');
    // 403 when yoga's own CORS is off (`cors: false`); yoga's default answers 204, whose CORS headers are stripped.
    expect([204, 403]).toContain(answer.status);
    expect([...answer.headers.keys()].filter((name) => name.startsWith('access-control-'))).toEqual([]);
    const post = await hub.query('ioc-dashboard', '{ airQuality }', { origin: 'https://evil.example' });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('exposes the quota headers to the allowed origin', async () => {
    const answer = await hub.query('ioc-dashboard', '{ airQuality }', { origin: ioc });
    expect(answer.headers.get('access-control-allow-origin')).toBe(ioc);
    expect(answer.headers.get('access-control-expose-headers')).toContain('ratelimit-remaining');
  });

  it('lets a GET through CSRF when it carries a token (a cross-site form cannot)', async () => {
    const url = `http://gateway/graphql?query=${encodeURIComponent('{ airQuality }')}`;
    const withToken = await hub.gateway.fetch(url, {
      method: 'GET',
      headers: { accept: 'application/json', authorization: await hub.authorization('ioc-dashboard') },
    });
    expect(withToken.status).toBe(200);
  });
});
