import { describe, expect, it } from '@jest/globals';
import { generateKeyPairSync, randomUUID } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readGatewayTrust } from '../src/index.js';

async function jsonFile(value: unknown): Promise<string> {
  const file = join(await mkdtemp(join(tmpdir(), 'lgsp-keys-')), 'gateway-keys.json');
  await writeFile(file, typeof value === 'string' ? value : JSON.stringify(value));
  return file;
}

const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const kid = randomUUID();

describe('readGatewayTrust', () => {
  it('reads the public keys of a JWKS file', async () => {
    const publicJwk = { ...publicKey.export({ format: 'jwk' }), kid };
    expect(readGatewayTrust(await jsonFile({ keys: [publicJwk] }))).toEqual({ keys: [publicJwk] });
  });

  it.each([
    ['a private key', { keys: [{ ...privateKey.export({ format: 'jwk' }), kid }] }],
    ['a key without kid', { keys: [publicKey.export({ format: 'jwk' })] }],
    ['no keys', { keys: [] }],
    ['not JSON', '{ keys'],
  ])('refuses %s, naming the file', async (_name, content) => {
    const file = await jsonFile(content);
    expect(() => readGatewayTrust(file)).toThrow(file);
  });
});
