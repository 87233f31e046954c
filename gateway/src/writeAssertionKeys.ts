import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateAssertionKeyPair } from './auth/subgraphAssertion.js';

export interface AssertionKeyFiles {
  /** The gateway's private Ed25519 JWK: `auth.subgraphAssertion.privateKeyFile` (owner-only, 0600). */
  privateKeyFile: string;
  /** The public JWKS for the subgraphs: `LGSP_<SYSTEM>_GATEWAY_KEYS_FILE`. */
  publicKeysFile: string;
  kid: string;
}

/**
 * Writes a new assertion key pair into `dir` (created if needed): `gateway-assertion-key.json` (private, 0600) and
 * `gateway-assertion-jwks.json` (public). For `npm start` and for operators; production keeps the private file in a
 * secret store and gives every gateway replica the same one.
 */
export async function writeAssertionKeys(dir: string): Promise<AssertionKeyFiles> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const { privateJwk, publicJwk } = generateAssertionKeyPair();
  const privateKeyFile = join(dir, 'gateway-assertion-key.json');
  const publicKeysFile = join(dir, 'gateway-assertion-jwks.json');
  await writeFile(privateKeyFile, JSON.stringify(privateJwk), { mode: 0o600 });
  await writeFile(publicKeysFile, JSON.stringify({ keys: [publicJwk] }, null, 2));
  return { privateKeyFile, publicKeysFile, kid: (publicJwk as { kid: string }).kid };
}
