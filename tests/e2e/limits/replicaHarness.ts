import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./limitsGatewayProcess.ts', import.meta.url));

/** A free loopback port (redis-server's `--port 0` means "no TCP", so a port is picked here). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/** Reads JSON log lines of a child; resolves `ready` when a line matches. */
function watchLines(child: ChildProcess, isReady: (line: string) => string | undefined) {
  const lines: string[] = [];
  let buffer = '';
  const ready = new Promise<string>((resolve, reject) => {
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout?.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        lines.push(line);
        const value = isReady(line);
        if (value !== undefined) resolve(value);
      }
    });
    child.once('exit', (code) =>
      reject(new Error(`exited with ${code} before ready: ${stderr.slice(0, 2000)}`)),
    );
  });
  return { lines, ready };
}

export interface Child {
  process: ChildProcess;
  lines: string[];
  stop(): Promise<void>;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/** Our own redis-server on a free port, no persistence (never the machine's shared one: tests stop it). */
export async function startRedis(): Promise<Child & { url: string }> {
  const port = await freePort();
  const child = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const { lines, ready } = watchLines(child, (line) =>
    /Ready to accept connections/.test(line) ? 'ok' : undefined,
  );
  await ready;
  return { process: child, lines, url: `redis://127.0.0.1:${port}`, stop: () => stopChild(child) };
}

/** One gateway replica process with the limits plugins. */
export async function startReplica(config: Record<string, unknown>): Promise<Child & { url: string }> {
  const child = spawn(process.execPath, [script], {
    env: { PATH: process.env['PATH'] ?? '', LGSP_LIMITS_TEST_CONFIG: JSON.stringify(config) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { lines, ready } = watchLines(child, (line) => {
    try {
      const entry = JSON.parse(line) as { msg?: string; url?: string };
      return entry.msg === 'replica listening' ? entry.url : undefined;
    } catch {
      return undefined;
    }
  });
  try {
    const url = await ready;
    return { process: child, lines, url, stop: () => stopChild(child) };
  } catch (error) {
    await stopChild(child);
    throw error;
  }
}
