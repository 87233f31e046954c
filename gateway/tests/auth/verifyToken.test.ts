import { beforeAll, describe, expect, it } from '@jest/globals';
import { exportSPKI, importJWK, SignJWT } from 'jose';
import { createTokenVerifier } from '../../src/auth/verifyToken.js';
import {
  isTokenError,
  TokenError,
  wwwAuthenticate,
  type TokenFailureReason,
} from '../../src/auth/tokenError.js';
import { extractBearer } from '../../src/auth/extractBearer.js';
import {
  accessClaims,
  AUDIENCE,
  createTrustedKey,
  sign,
  unsignedToken,
  verifierFor,
  type TrustedKey,
} from './fixtures/tokens.js';

async function reasonOf(promise: Promise<unknown>): Promise<TokenFailureReason> {
  try {
    await promise;
  } catch (error) {
    if (isTokenError(error)) return error.reason;
    throw error;
  }
  throw new Error('the token was accepted');
}

describe('verifyToken', () => {
  let rsa: TrustedKey;
  let ec: TrustedKey;
  let verifier: ReturnType<typeof verifierFor>;
  beforeAll(async () => {
    rsa = await createTrustedKey('RS256');
    ec = await createTrustedKey('ES256');
    verifier = verifierFor([rsa, ec]);
  });

  it('turns a valid Keycloak-shaped token into a principal with the registry entry', async () => {
    const principal = await verifier.verify(await sign(rsa, accessClaims('partner-police')));
    expect(principal).toMatchObject({
      kind: 'client',
      clientId: 'partner-police',
      subject: 'service-account-partner-police',
      agency: { name: 'Công an tỉnh Hòa Bình', code: 'CA-HB' },
      purposesAllowed: ['LAW_ENFORCEMENT', 'EMERGENCY_RESPONSE'],
      personalData: true,
      onUnauthorizedFields: 'refuse',
      tokenId: 'jti-partner-police',
    });
    expect([...principal.scopes].sort()).toEqual(['catalog:read', 'pii:read', 'police:read']);
  });

  it('accepts ES256 tokens', async () => {
    const principal = await verifier.verify(await sign(ec, accessClaims('auditor')));
    expect([...principal.scopes]).toEqual(['audit:read']);
  });

  it('counts realm roles and gateway-client roles as scopes, but never beyond the registry', async () => {
    const token = await sign(
      rsa,
      accessClaims('partner-health', {
        scope: 'openid',
        realm_access: { roles: ['health:read', 'police:read'] },
        resource_access: {
          [AUDIENCE]: { roles: ['catalog:read', 'pii:read'] },
          other: { roles: ['egov:read'] },
        },
      }),
    );
    const principal = await verifier.verify(token);
    expect([...principal.scopes].sort()).toEqual(['catalog:read', 'health:read']);
  });

  it('reads client_id when azp is absent (RFC 9068 tokens)', async () => {
    const { azp: _azp, ...claims } = accessClaims('partner-health');
    const principal = await verifier.verify(await sign(rsa, { ...claims, client_id: 'partner-health' }));
    expect(principal.clientId).toBe('partner-health');
  });

  describe('refuses every forged or misused token', () => {
    const cases: [string, () => Promise<string>, TokenFailureReason][] = [
      ['alg: none', async () => unsignedToken(accessClaims('partner-police')), 'TOKEN_ALGORITHM_NOT_ALLOWED'],
      [
        'HS256 signed with the public key as the secret',
        async () => {
          const publicKey = await importJWK(rsa.publicJwk, 'RS256', { extractable: true });
          const pem = await exportSPKI(publicKey as CryptoKey);
          return new SignJWT(accessClaims('partner-police'))
            .setProtectedHeader({ alg: 'HS256', kid: rsa.kid })
            .sign(new TextEncoder().encode(pem));
        },
        'TOKEN_ALGORITHM_NOT_ALLOWED',
      ],
      [
        'expired',
        async () => sign(rsa, accessClaims('partner-police', { exp: Math.floor(Date.now() / 1000) - 120 })),
        'TOKEN_EXPIRED',
      ],
      [
        'nbf in the future',
        async () => sign(rsa, accessClaims('partner-police', { nbf: Math.floor(Date.now() / 1000) + 600 })),
        'TOKEN_NOT_YET_VALID',
      ],
      [
        'wrong issuer',
        async () => sign(rsa, accessClaims('partner-police', { iss: 'https://evil.example/realms/lgsp' })),
        'TOKEN_ISSUER_INVALID',
      ],
      [
        'wrong audience',
        async () => sign(rsa, accessClaims('partner-police', { aud: 'account' })),
        'TOKEN_AUDIENCE_INVALID',
      ],
      [
        'unknown kid',
        async () => sign(await createTrustedKey('RS256', 'attacker-key'), accessClaims('partner-police')),
        'TOKEN_KEY_UNKNOWN',
      ],
      [
        'a known kid but another key',
        async () => sign(await createTrustedKey('RS256', rsa.kid), accessClaims('partner-police')),
        'TOKEN_SIGNATURE_INVALID',
      ],
      [
        'tampered payload',
        async () => {
          const [header, , signature] = (await sign(rsa, accessClaims('partner-health'))).split('.');
          const forged = Buffer.from(JSON.stringify(accessClaims('partner-police'))).toString('base64url');
          return `${header}.${forged}.${signature}`;
        },
        'TOKEN_SIGNATURE_INVALID',
      ],
      [
        'an ID token (Keycloak typ ID) used as access token',
        async () => sign(rsa, accessClaims('partner-police', { typ: 'ID', nonce: 'n-0S6_WzA2Mj' })),
        'TOKEN_NOT_ACCESS_TOKEN',
      ],
      [
        'an ID token (at_hash, no typ claim) used as access token',
        async () =>
          sign(rsa, accessClaims('partner-police', { typ: undefined, at_hash: 'HK6E_P6Dh8Y93mRNtsDB1Q' })),
        'TOKEN_NOT_ACCESS_TOKEN',
      ],
      [
        'a logout token (typ header) used as access token',
        async () => sign(rsa, accessClaims('partner-police'), { typ: 'logout+jwt' }),
        'TOKEN_NOT_ACCESS_TOKEN',
      ],
      ['unknown azp', async () => sign(rsa, accessClaims('partner-unknown')), 'CLIENT_UNKNOWN'],
      [
        'azp and client_id disagreeing',
        async () => sign(rsa, accessClaims('partner-health', { client_id: 'partner-police' })),
        'TOKEN_CLAIMS_INVALID',
      ],
      [
        'a 100 KB token',
        async () => sign(rsa, accessClaims('partner-police', { padding: 'x'.repeat(100 * 1024) })),
        'TOKEN_TOO_LARGE',
      ],
      [
        'an embedded jwk header (the key travelling with the token)',
        async () => sign(rsa, accessClaims('partner-police'), { jwk: rsa.publicJwk }),
        'TOKEN_KEY_UNKNOWN',
      ],
      ['not a JWT', async () => 'hello.world', 'TOKEN_MALFORMED'],
      [
        'no exp',
        async () => sign(rsa, accessClaims('partner-police', { exp: undefined })),
        'TOKEN_CLAIMS_INVALID',
      ],
    ];
    it.each(cases)('%s', async (_name, forge, reason) => {
      const error = verifier.verify(await forge());
      expect(await reasonOf(error)).toBe(reason);
    });
  });

  it('tolerates a small clock skew but not more', async () => {
    const now = Math.floor(Date.now() / 1000);
    await expect(
      verifier.verify(await sign(rsa, accessClaims('auditor', { exp: now - 10 }))),
    ).resolves.toBeDefined();
    expect(await reasonOf(verifier.verify(await sign(rsa, accessClaims('auditor', { exp: now - 60 }))))).toBe(
      'TOKEN_EXPIRED',
    );
  });

  it('refuses to be configured with a symmetric algorithm', () => {
    expect(() => verifierFor([rsa], { algorithms: ['RS256', 'HS256'] })).toThrow(/asymmetric/);
    expect(() =>
      createTokenVerifier({ issuer: 'x', audience: 'y', client: () => undefined, algorithms: ['none'] }),
    ).toThrow();
  });

  it('gives 401 codes with a WWW-Authenticate challenge that names the error but not the token', async () => {
    const token = await sign(rsa, accessClaims('partner-police', { aud: 'account' }));
    const error = await verifier.verify(token).catch((e: unknown) => e as TokenError);
    expect(error).toBeInstanceOf(TokenError);
    expect((error as TokenError).code).toBe('UNAUTHENTICATED');
    const challenge = wwwAuthenticate(error as TokenError);
    expect(challenge).toBe(
      'Bearer realm="lgsp", error="invalid_token", error_description="the access token is not meant for this gateway"',
    );
    expect(challenge).not.toContain(token.slice(0, 20));
    expect(wwwAuthenticate(new TokenError('TOKEN_MISSING'))).toBe('Bearer realm="lgsp"');
  });
});

describe('extractBearer', () => {
  const request = (url: string, headers: Record<string, string> = {}) => ({
    url,
    headers: new Headers(headers),
  });

  it('reads the token from the Authorization header, whatever the scheme case', () => {
    expect(extractBearer(request('http://gw/graphql', { authorization: 'Bearer abc.def.ghi' }))).toBe(
      'abc.def.ghi',
    );
    expect(extractBearer(request('http://gw/graphql', { authorization: 'bearer abc.def.ghi' }))).toBe(
      'abc.def.ghi',
    );
  });

  it('finds no token when there is no header', () => {
    expect(extractBearer(request('http://gw/graphql'))).toBeUndefined();
  });

  it('refuses a token in the query string even with a valid header', () => {
    const url = 'http://gw/graphql?query={a}&access_token=abc.def.ghi';
    expect(() => extractBearer(request(url, { authorization: 'Bearer abc.def.ghi' }))).toThrow(
      expect.objectContaining({ reason: 'TOKEN_IN_QUERY', code: 'UNAUTHENTICATED' }),
    );
  });

  it('refuses other schemes and two credentials at once', () => {
    expect(() => extractBearer(request('http://gw/', { authorization: 'Basic dXNlcjpwYXNz' }))).toThrow(
      expect.objectContaining({ reason: 'TOKEN_MALFORMED' }),
    );
    const headers = new Headers();
    headers.append('authorization', 'Bearer a.b.c');
    headers.append('authorization', 'Bearer d.e.f');
    expect(() => extractBearer({ url: 'http://gw/', headers })).toThrow(
      expect.objectContaining({ reason: 'TOKEN_MALFORMED' }),
    );
  });
});
