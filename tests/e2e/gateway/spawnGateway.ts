import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const binPath = fileURLToPath(new URL('../../../gateway/dist/bin.js', import.meta.url));

export interface SpawnedGateway {
  child: ChildProcess;
  /** Base URL, e.g. http://127.0.0.1:43123 */
  url: string;
  /** Every JSON log line printed so far. */
  logs: { msg: string; [key: string]: unknown }[];
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
}

/** Runs the compiled `lgsp-gateway` on port 0 and resolves once its "gateway listening" line names the port. */
export function spawnGateway(args: string[], env: Record<string, string> = {}): Promise<SpawnedGateway> {
  const child = spawn(process.execPath, [binPath, '--port', '0', '--host', '127.0.0.1', ...args], {
    // These tests exercise the core over fixture subgraphs without identity: auth is off unless a test says otherwise.
    env: {
      PATH: process.env['PATH'] ?? '',
      LGSP_GATEWAY_AUTH_MODE: 'off',
      LGSP_GATEWAY_AUDIT_ENABLED: 'false',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: SpawnedGateway['logs'] = [];
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        try {
          const entry = JSON.parse(line) as SpawnedGateway['logs'][number];
          logs.push(entry);
          if (entry.msg === 'gateway listening') {
            resolve({ child, url: new URL(String(entry['url'])).origin, logs, exited });
          }
        } catch {
          // not a log line
        }
      }
    });
    void exited.then((code) => reject(new Error(`gateway exited with ${code} before listening: ${stderr}`)));
  });
}
