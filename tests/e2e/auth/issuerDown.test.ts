import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startAuthHub, type AuthHub } from './authHub.js';

describe('when the identity provider cannot be reached', () => {
  let hub: AuthHub;
  let token: string;
  beforeAll(async () => {
    hub = await startAuthHub();
    // A genuine token, obtained before the issuer goes away; the gateway has not fetched the issuer's keys yet.
    token = await hub.token('partner-health');
    await hub.issuer.close();
  });
  afterAll(() => hub?.close());

  it('answers 503 UPSTREAM_UNAVAILABLE (the hub’s fault, not the caller’s), without data and without calling systems', async () => {
    const before = { ...hub.calls };
    const { status, headers, body } = await hub.post('{ facilities { name } }', {
      authorization: `Bearer ${token}`,
    });
    expect(status).toBe(503);
    expect(headers.get('www-authenticate')).toBeNull();
    expect(body).toEqual({
      errors: [
        {
          message: 'the identity provider could not be reached to verify the token',
          extensions: { code: 'UPSTREAM_UNAVAILABLE', reason: 'ISSUER_UNAVAILABLE' },
        },
      ],
    });
    expect(hub.calls).toEqual(before);
  });
});
