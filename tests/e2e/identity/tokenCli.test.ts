import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { decodeJwt } from 'jose';

const run = promisify(execFile);
const root = fileURLToPath(new URL('../../../', import.meta.url));
const bin = join(root, 'dev-issuer/dist/bin.js');
const tokenCli = join(root, 'dev-issuer/dist/token.js');

function waitForOutput(child: ChildProcess, pattern: RegExp, timeoutMs = 20_000): Promise<string> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in output: ${output}`)), timeoutMs);
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = pattern.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] ?? match[0]);
      }
    });
    child.once('exit', (code) => reject(new Error(`dev issuer exited with ${code}: ${output}`)));
  });
}

describe('npm run token against the dev issuer started as a process', () => {
  let dir: string;
  let clientsFile: string;
  let child: ChildProcess;
  let issuerUrl: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dev-issuer-'));
    clientsFile = join(dir, 'clients.json');
    child = spawn(process.execPath, [bin, '--port', '0', '--clients-file', clientsFile], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    issuerUrl = await waitForOutput(child, /dev OIDC issuer (\S+)/);
  });

  afterAll(async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    }
    await rm(dir, { recursive: true, force: true });
  });

  it('prints an access token of the named demo client', async () => {
    const { stdout } = await run(
      process.execPath,
      [tokenCli, '--clients-file', clientsFile, 'partner-health'],
      { cwd: root },
    );
    expect(decodeJwt(stdout.trim())).toMatchObject({
      iss: issuerUrl,
      azp: 'partner-health',
      scope: 'catalog:read health:read',
    });
  });

  it('keeps the generated secrets in an owner-only runtime file, not in the repository', async () => {
    const { mode } = await import('node:fs/promises').then((fs) => fs.stat(clientsFile));
    expect(mode & 0o077).toBe(0);
    const content = JSON.parse(await readFile(clientsFile, 'utf8'));
    expect(Object.keys(content.clients).sort()).toEqual([
      'auditor',
      'ioc-dashboard',
      'partner-health',
      'partner-police',
    ]);
  });

  it('names the known clients when asked for an unknown one', async () => {
    const failure = await run(process.execPath, [tokenCli, '--clients-file', clientsFile, 'nobody'], {
      cwd: root,
    }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(
      /Unknown demo client nobody\. Known: ioc-dashboard, partner-health/,
    );
  });

  it('removes its runtime file on shutdown, after which the token command says the issuer is not running', async () => {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
    expect(existsSync(clientsFile)).toBe(false);
    const failure = await run(process.execPath, [tokenCli, '--clients-file', clientsFile, 'auditor'], {
      cwd: root,
    }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(
      /The dev issuer is not running .* Start it with `npm start`/,
    );
  });
});
