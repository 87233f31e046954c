/**
 * `private_key_jwt` client authentication (RFC 7523 §2.2, OIDC Core §9): a short-lived JWT signed with the client's
 * private key, with WebCrypto only, so it runs in browsers and Node alike.
 */

export type AssertionAlgorithm = 'RS256' | 'PS256' | 'ES256';

export interface PrivateKeyJwt {
  /** The private key: a WebCrypto CryptoKey, or a private JWK. */
  key: CryptoKey | JsonWebKey;
  /** Signature algorithm. Default: 'RS256' (Keycloak's default for signed JWT clients). */
  alg?: AssertionAlgorithm;
  /** Key id, put in the JWT header so the issuer picks the right registered key. Default: none. */
  kid?: string;
  /** Lifetime of one assertion. Default: 60 s. */
  lifetimeSeconds?: number;
}

const ALGORITHMS: Record<
  AssertionAlgorithm,
  {
    import: RsaHashedImportParams | EcKeyImportParams;
    sign: AlgorithmIdentifier | RsaPssParams | EcdsaParams;
  }
> = {
  RS256: { import: { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' }, sign: { name: 'RSASSA-PKCS1-v1_5' } },
  PS256: { import: { name: 'RSA-PSS', hash: 'SHA-256' }, sign: { name: 'RSA-PSS', saltLength: 32 } },
  // WebCrypto ECDSA signatures are r‖s (IEEE P1363), which is what JWS expects.
  ES256: { import: { name: 'ECDSA', namedCurve: 'P-256' }, sign: { name: 'ECDSA', hash: 'SHA-256' } },
};

function base64url(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const encodeJson = (value: unknown) => base64url(new TextEncoder().encode(JSON.stringify(value)));

/** Signs one client assertion for the token endpoint (its `aud`). */
export async function signClientAssertion(
  options: PrivateKeyJwt,
  clientId: string,
  tokenEndpoint: string,
): Promise<string> {
  const alg = options.alg ?? 'RS256';
  const params = ALGORITHMS[alg];
  const key =
    options.key instanceof CryptoKey
      ? options.key
      : await crypto.subtle.importKey('jwk', options.key, params.import, false, ['sign']);
  const issuedAt = Math.floor(Date.now() / 1000);
  const header = { alg, typ: 'JWT', ...(options.kid === undefined ? {} : { kid: options.kid }) };
  const payload = {
    iss: clientId,
    sub: clientId,
    aud: tokenEndpoint,
    iat: issuedAt,
    exp: issuedAt + (options.lifetimeSeconds ?? 60),
    jti: crypto.randomUUID(),
  };
  const signingInput = `${encodeJson(header)}.${encodeJson(payload)}`;
  const signature = await crypto.subtle.sign(params.sign, key, new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64url(new Uint8Array(signature))}`;
}
