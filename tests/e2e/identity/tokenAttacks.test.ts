import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt, exportSPKI, generateKeyPair, importJWK, SignJWT } from 'jose';
import type { DevIssuer } from '@lgsp/dev-issuer';
import { extractBearer } from '../../../gateway/src/auth/extractBearer.js';
import { isTokenError, type TokenFailureReason } from '../../../gateway/src/auth/tokenError.js';
import type { TokenVerifier } from '../../../gateway/src/auth/verifyToken.js';
import { startCountingProxy, startDevIssuer, verifierFor } from './identityHarness.js';

async function reasonOf(promise: Promise<unknown>): Promise<TokenFailureReason> {
  try {
    await promise;
  } catch (error) {
    if (isTokenError(error)) return error.reason;
    throw error;
  }
  throw new Error('the token was accepted');
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const now = () => Math.floor(Date.now() / 1000);

describe('tokens of the real dev issuer at the gateway verifier', () => {
  let issuer: DevIssuer;
  let verifier: TokenVerifier;
  beforeAll(async () => {
    issuer = await startDevIssuer();
    verifier = await verifierFor(issuer);
  });
  afterAll(() => issuer.close());

  /** A Keycloak-shaped payload as the issuer would sign it, for tokens signed with the issuer's own key. */
  const claims = (clientId: string, overrides: Record<string, unknown> = {}) => ({
    iss: issuer.issuer,
    aud: issuer.audience,
    sub: clientId,
    azp: clientId,
    client_id: clientId,
    typ: 'Bearer',
    scope: 'catalog:read police:read pii:read',
    iat: now(),
    exp: now() + 300,
    ...overrides,
  });

  it.each([
    ['ioc-dashboard', ['catalog:read', 'egov:read', 'environment:read', 'health:read', 'police:read']],
    ['partner-health', ['catalog:read', 'health:read']],
    ['partner-police', ['catalog:read', 'pii:read', 'police:read']],
    ['auditor', ['audit:read']],
  ])('gives %s exactly the scopes of its registry entry', async (clientId, scopes) => {
    const principal = await verifier.verify(await issuer.issueToken(clientId));
    expect(principal.clientId).toBe(clientId);
    expect([...principal.scopes].sort()).toEqual(scopes);
  });

  it('issues Keycloak-shaped access tokens for the gateway audience', async () => {
    const payload = decodeJwt(await issuer.issueToken('partner-police'));
    expect(payload).toMatchObject({
      iss: issuer.issuer,
      aud: 'lgsp-gateway',
      azp: 'partner-police',
      scope: 'catalog:read police:read pii:read',
      realm_access: { roles: ['default-roles-lgsp'] },
      resource_access: { 'lgsp-gateway': { roles: [] } },
    });
  });

  it('grants a subset of scopes when asked, and refuses a scope the client does not have', async () => {
    const principal = await verifier.verify(
      await issuer.issueToken('partner-police', { scopes: ['police:read'] }),
    );
    expect([...principal.scopes]).toEqual(['police:read']);
    await expect(issuer.issueToken('partner-health', { scopes: ['police:read'] })).rejects.toThrow(
      /invalid_scope/,
    );
  });

  it('refuses a client that presents a wrong secret', async () => {
    const { requestClientCredentialsToken } = await import('@lgsp/dev-issuer');
    await expect(
      requestClientCredentialsToken({
        tokenEndpoint: issuer.tokenEndpoint,
        clientId: 'partner-police',
        clientSecret: 'guess',
        scopes: [],
      }),
    ).rejects.toThrow(/invalid_client/);
  });

  describe('attacks, each refused with its reason', () => {
    const attacks: [string, () => Promise<string>, TokenFailureReason][] = [
      [
        'alg none on a real token payload',
        async () => {
          const [, payload] = (await issuer.issueToken('partner-health')).split('.');
          return `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`;
        },
        'TOKEN_ALGORITHM_NOT_ALLOWED',
      ],
      [
        'HS256 signed with the issuer public key',
        async () => {
          const jwks = (await (await fetch(`${issuer.issuer}/jwks`)).json()) as {
            keys: Record<string, string>[];
          };
          const jwk = jwks.keys[0]!;
          const pem = await exportSPKI(
            (await importJWK(jwk, jwk['alg'], { extractable: true })) as CryptoKey,
          );
          return new SignJWT(claims('partner-police'))
            .setProtectedHeader({ alg: 'HS256', kid: jwk['kid']! })
            .sign(new TextEncoder().encode(pem));
        },
        'TOKEN_ALGORITHM_NOT_ALLOWED',
      ],
      [
        'expired',
        async () => issuer.signWithIssuerKey(claims('partner-police', { exp: now() - 3600 })),
        'TOKEN_EXPIRED',
      ],
      [
        'nbf in the future',
        async () => issuer.signWithIssuerKey(claims('partner-police', { nbf: now() + 3600 })),
        'TOKEN_NOT_YET_VALID',
      ],
      [
        'wrong issuer',
        async () =>
          issuer.signWithIssuerKey(claims('partner-police', { iss: 'http://127.0.0.1:1/realms/evil' })),
        'TOKEN_ISSUER_INVALID',
      ],
      [
        'wrong audience',
        async () => issuer.signWithIssuerKey(claims('partner-police', { aud: 'another-api' })),
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
        'tampered payload (scopes widened on a real token)',
        async () => {
          const [header, payload, signature] = (await issuer.issueToken('partner-health')).split('.');
          const widened = {
            ...decodeJwt(`${header}.${payload}.${signature}`),
            scope: 'health:read pii:read police:read',
          };
          return `${header}.${b64(widened)}.${signature}`;
        },
        'TOKEN_SIGNATURE_INVALID',
      ],
      [
        'an ID token used as an access token',
        async () =>
          issuer.signWithIssuerKey(
            claims('partner-police', {
              typ: 'ID',
              nonce: 'n-0S6_WzA2Mj',
              at_hash: 'x',
              client_id: undefined,
            }),
            { typ: 'JWT' },
          ),
        'TOKEN_NOT_ACCESS_TOKEN',
      ],
      [
        'unknown azp',
        async () => issuer.signWithIssuerKey(claims('partner-unknown', { client_id: undefined })),
        'CLIENT_UNKNOWN',
      ],
      [
        'a 100 KB token',
        async () => issuer.signWithIssuerKey(claims('partner-police', { padding: 'x'.repeat(100 * 1024) })),
        'TOKEN_TOO_LARGE',
      ],
    ];
    it.each(attacks)('%s', async (_name, forge, reason) => {
      expect(await reasonOf(verifier.verify(await forge()))).toBe(reason);
    });

    it('a token in the query string', async () => {
      const token = await issuer.issueToken('partner-police');
      const request = { url: `http://gw/graphql?access_token=${token}`, headers: new Headers() };
      expect(() => extractBearer(request)).toThrow(expect.objectContaining({ reason: 'TOKEN_IN_QUERY' }));
    });
  });

  it('refetches the JWKS for unknown kids at most once per cooldown, so a flood cannot hammer the issuer', async () => {
    const proxy = await startCountingProxy(issuer.issuer);
    try {
      const flooded = await verifierFor(issuer, { jwksUri: `${proxy.url}/jwks` });
      await flooded.verify(await issuer.issueToken('auditor'));
      const { privateKey } = await generateKeyPair('RS256');
      for (let i = 0; i < 25; i += 1) {
        const token = await new SignJWT(claims('auditor'))
          .setProtectedHeader({ alg: 'RS256', kid: `bad-${i}` })
          .sign(privateKey);
        expect(await reasonOf(flooded.verify(token))).toBe('TOKEN_KEY_UNKNOWN');
      }
      expect(proxy.jwksRequests()).toBe(1);

      // Without a cooldown an unknown kid does trigger a refetch (how a key rotation is picked up).
      const eager = await verifierFor(issuer, { jwksUri: `${proxy.url}/jwks`, jwksCooldownMs: 0 });
      await eager.verify(await issuer.issueToken('auditor'));
      const before = proxy.jwksRequests();
      const token = await new SignJWT(claims('auditor'))
        .setProtectedHeader({ alg: 'RS256', kid: 'new-kid' })
        .sign(privateKey);
      expect(await reasonOf(eager.verify(token))).toBe('TOKEN_KEY_UNKNOWN');
      expect(proxy.jwksRequests()).toBe(before + 1);
    } finally {
      await proxy.close();
    }
  });
});

describe('when the issuer is down', () => {
  it('answers ISSUER_UNAVAILABLE (503), not a token error, and recovers nothing from a dead issuer', async () => {
    const issuer = await startDevIssuer();
    const token = await issuer.issueToken('auditor');
    const verifier = await verifierFor(issuer);
    await issuer.close();
    const error = await verifier.verify(token).catch((e: unknown) => e);
    expect(error).toMatchObject({ reason: 'ISSUER_UNAVAILABLE', code: 'UPSTREAM_UNAVAILABLE' });
  });
});
