import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt, exportSPKI, generateKeyPair, importJWK, SignJWT } from 'jose';
import { startAuthHub, type AuthHub } from '../e2e/auth/authHub.js';

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);
/** A query partner-police may run: any success would show data. */
const query = '{ incidents { id reporterPhone } }';

describe('hostile tokens over HTTP: each refused with 401, its reason, and no data', () => {
  let hub: AuthHub;
  beforeAll(async () => {
    hub = await startAuthHub();
  });
  afterAll(() => hub?.close());

  /** A Keycloak-shaped payload as the issuer would sign it. */
  const claims = (clientId: string, overrides: Record<string, unknown> = {}) => ({
    iss: hub.issuer.issuer,
    aud: hub.issuer.audience,
    sub: clientId,
    azp: clientId,
    client_id: clientId,
    typ: 'Bearer',
    scope: 'catalog:read police:read pii:read',
    iat: now(),
    exp: now() + 300,
    ...overrides,
  });

  const attacks: [string, () => Promise<string>, string][] = [
    [
      'alg none on a real token payload',
      async () => {
        const [, payload] = (await hub.token('partner-police')).split('.');
        return `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
      },
      'TOKEN_ALGORITHM_NOT_ALLOWED',
    ],
    [
      'HS256 signed with the issuer public key',
      async () => {
        const jwks = (await (await fetch(`${hub.issuer.issuer}/jwks`)).json()) as {
          keys: Record<string, string>[];
        };
        const jwk = jwks.keys[0]!;
        const pem = await exportSPKI((await importJWK(jwk, jwk['alg'], { extractable: true })) as CryptoKey);
        return new SignJWT(claims('partner-police'))
          .setProtectedHeader({ alg: 'HS256', kid: jwk['kid']! })
          .sign(new TextEncoder().encode(pem));
      },
      'TOKEN_ALGORITHM_NOT_ALLOWED',
    ],
    [
      'expired',
      () => hub.issuer.signWithIssuerKey(claims('partner-police', { exp: now() - 3600 })),
      'TOKEN_EXPIRED',
    ],
    [
      'nbf in the future',
      () => hub.issuer.signWithIssuerKey(claims('partner-police', { nbf: now() + 3600 })),
      'TOKEN_NOT_YET_VALID',
    ],
    [
      'wrong issuer',
      () => hub.issuer.signWithIssuerKey(claims('partner-police', { iss: 'http://127.0.0.1:1/realms/evil' })),
      'TOKEN_ISSUER_INVALID',
    ],
    [
      'wrong audience',
      () => hub.issuer.signWithIssuerKey(claims('partner-police', { aud: 'another-api' })),
      'TOKEN_AUDIENCE_INVALID',
    ],
    [
      'unknown kid',
      async () => {
        const { privateKey } = await generateKeyPair('RS256');
        return new SignJWT(claims('partner-police'))
          .setProtectedHeader({ alg: 'RS256', kid: 'rotated-away' })
          .sign(privateKey);
      },
      'TOKEN_KEY_UNKNOWN',
    ],
    [
      'tampered payload (azp switched to the police on a health token)',
      async () => {
        const [header, payload, signature] = (await hub.token('partner-health')).split('.');
        const forged = { ...decodeJwt(`${header}.${payload}.${signature}`), azp: 'partner-police' };
        return `${header}.${b64(forged)}.${signature}`;
      },
      'TOKEN_SIGNATURE_INVALID',
    ],
    [
      'an ID token used as an access token',
      () =>
        hub.issuer.signWithIssuerKey(
          claims('partner-police', { typ: 'ID', nonce: 'n-0S6_WzA2Mj', at_hash: 'x', client_id: undefined }),
          { typ: 'JWT' },
        ),
      'TOKEN_NOT_ACCESS_TOKEN',
    ],
    [
      'unknown azp',
      () => hub.issuer.signWithIssuerKey(claims('partner-rogue', { client_id: undefined })),
      'CLIENT_UNKNOWN',
    ],
    [
      'a 10 KB token (over auth.maxTokenBytes)',
      () => hub.issuer.signWithIssuerKey(claims('partner-police', { padding: 'x'.repeat(10 * 1024) })),
      'TOKEN_TOO_LARGE',
    ],
  ];

  it.each(attacks)('%s', async (_name, forge, reason) => {
    const before = { ...hub.calls };
    const { status, headers, body } = await hub.post(query, { authorization: `Bearer ${await forge()}` });
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toMatch(
      /^Bearer realm="lgsp", error="invalid_token", error_description="/,
    );
    expect(body).toEqual({
      errors: [{ message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', reason } }],
    });
    expect(hub.calls).toEqual(before);
  });

  it('a 100 KB token is cut off at the HTTP layer (431), before any JWT code runs', async () => {
    const token = await hub.issuer.signWithIssuerKey(
      claims('partner-police', { padding: 'x'.repeat(100 * 1024) }),
    );
    const response = await fetch(`${hub.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query }),
    });
    expect(response.status).toBe(431);
    expect(await response.text()).not.toContain('0912345678');
  });

  it('a token in the query string is refused, even next to a valid header', async () => {
    const token = await hub.token('partner-police');
    for (const authorization of [undefined, `Bearer ${token}`]) {
      const { status, headers, body } = await hub.post(query, {
        path: `/graphql?access_token=${token}`,
        ...(authorization ? { authorization } : {}),
      });
      expect(status).toBe(401);
      expect(headers.get('www-authenticate')).toMatch(/error="invalid_request"/);
      expect(body).toEqual({
        errors: [
          { message: expect.any(String), extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_IN_QUERY' } },
        ],
      });
    }
  });

  it('a malformed Authorization header (two credentials, Basic) is refused', async () => {
    const token = await hub.token('partner-police');
    for (const authorization of [`Bearer ${token}, Bearer ${token}`, 'Basic cGFydG5lcjpzZWNyZXQ=']) {
      const { status, body } = await hub.post(query, { authorization });
      expect(status).toBe(401);
      expect(body.errors?.[0]?.extensions).toEqual({ code: 'UNAUTHENTICATED', reason: 'TOKEN_MALFORMED' });
    }
  });

  it('the genuine token of the same client is accepted (the attacks above fail for their reason alone)', async () => {
    const { status, body } = await hub.post(query, { client: 'partner-police' });
    expect(status).toBe(200);
    expect(body.data).toEqual({ incidents: [{ id: 'I1', reporterPhone: '0912***678' }] });
  });
});
