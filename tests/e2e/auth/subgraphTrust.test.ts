import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateAssertionKeyPair, GATEWAY_ASSERTION_HEADER } from '@lgsp/gateway';
import { createSubgraphAssertionSigner } from '../../../gateway/src/auth/subgraphAssertion.js';

/**
 * The subgraph processes as `npm start` and production run them (their compiled main.ts), told to trust the gateway's
 * public key by `LGSP_<SYSTEM>_GATEWAY_KEYS_FILE`: a call without the gateway's assertion gets 401, one with it is
 * served. Only `{ __typename }` is asked, so no upstream system is needed.
 */
const systems = ['catalog', 'egov', 'environment', 'police', 'health'] as const;

function startMain(
  system: string,
  env: Record<string, string>,
): Promise<{ child: ChildProcess; url: string }> {
  const main = fileURLToPath(new URL(`../../../subgraphs/${system}/dist/main.js`, import.meta.url));
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env['PATH'] ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+\/graphql)/.exec(output);
      if (match) resolve({ child, url: match[1]! });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`${system} exited with ${code}: ${output}`)));
  });
}

describe.each(systems)('the %s subgraph process with LGSP_*_GATEWAY_KEYS_FILE', (system) => {
  const { privateJwk, publicJwk } = generateAssertionKeyPair();
  let dir: string;
  let running: { child: ChildProcess; url: string };
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'lgsp-trust-'));
    const keysFile = join(dir, 'gateway-keys.json');
    await writeFile(keysFile, JSON.stringify({ keys: [publicJwk] }));
    const prefix = `LGSP_${system.toUpperCase()}_`;
    running = await startMain(system, {
      [`${prefix}PORT`]: '0',
      [`${prefix}GATEWAY_KEYS_FILE`]: keysFile,
      [`${prefix}LOG_LEVEL`]: 'silent',
    });
  }, 60_000);
  afterAll(async () => {
    if (running) {
      const exited = new Promise((resolve) => running.child.once('exit', resolve));
      running.child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  const post = (headers: Record<string, string>) =>
    fetch(running.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify({ query: '{ __typename }' }),
    });

  it('refuses a call without the gateway assertion', async () => {
    const response = await post({});
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'UNAUTHENTICATED', subgraph: system } }],
    });
  });

  it('serves a call carrying the gateway assertion addressed to it, and no other', async () => {
    const signer = createSubgraphAssertionSigner({ privateJwk });
    const context = { principal: { kind: 'anonymous' as const } };
    const ok = await post({ [GATEWAY_ASSERTION_HEADER]: signer.sign(context, system) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ data: { __typename: 'Query' } });
    const other = system === 'police' ? 'health' : 'police';
    const elsewhere = await post({ [GATEWAY_ASSERTION_HEADER]: signer.sign(context, other) });
    expect(elsewhere.status).toBe(401);
  });
});
