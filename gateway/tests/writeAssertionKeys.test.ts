import { describe, expect, it } from '@jest/globals';
import { readFile, stat } from 'node:fs/promises';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGatewayAssertionVerifier } from '@lgsp/schema';
import { createSubgraphAssertionSigner } from '../src/auth/subgraphAssertion.js';
import { writeAssertionKeys } from '../src/writeAssertionKeys.js';

describe('writeAssertionKeys', () => {
  it('writes an owner-only private key and the public JWKS that verifies what it signs', async () => {
    const dir = join(await mkdtemp(join(tmpdir(), 'lgsp-keys-')), 'keys');
    const files = await writeAssertionKeys(dir);
    expect((await stat(files.privateKeyFile)).mode & 0o777).toBe(0o600);
    const privateJwk = JSON.parse(await readFile(files.privateKeyFile, 'utf8')) as Record<string, string>;
    const jwks = JSON.parse(await readFile(files.publicKeysFile, 'utf8')) as {
      keys: Record<string, string>[];
    };
    expect(jwks.keys).toEqual([{ kty: 'OKP', crv: 'Ed25519', x: privateJwk['x'], kid: files.kid }]);
    const signer = createSubgraphAssertionSigner({ privateJwk });
    const verifier = createGatewayAssertionVerifier({ keys: jwks.keys, audience: 'police' });
    const assertion = verifier.verify(signer.sign({ principal: { kind: 'anonymous' } }, 'police', 'req-1'));
    expect(assertion).toMatchObject({ aud: 'police', principal: 'anonymous', rid: 'req-1' });
  });
});
