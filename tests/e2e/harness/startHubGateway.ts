import { spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createGateway,
  createSupergraphManager,
  parseConfig,
  startGateway,
  type GatewayConfigInput,
  type GatewayPlugin,
} from '@lgsp/gateway';
import type { Logger } from 'pino';

export const gatewayBinPath = fileURLToPath(new URL('../../../gateway/dist/bin.js', import.meta.url));

/** How the hub runs its gateway: in this process (`startGateway`), or the compiled bin as a child process. */
export type HubGatewayMode = 'inProcess' | 'process';

export interface HubGatewayOptions {
  mode: HubGatewayMode;
  /** The gateway config (without `supergraph.path`, `server.port`, `server.host`, which the harness sets). */
  config: GatewayConfigInput | Record<string, unknown>;
  supergraphPath: string;
  /** Where a process gateway's config file is written. */
  workDir: string;
  /** In-process only: plugins for `createGateway`. */
  plugins?: GatewayPlugin[];
  /** Process only: extra environment (e.g. `LGSP_GATEWAY_*`). */
  env?: Record<string, string>;
  log: Logger;
  /** How long to wait for `/readyz`. */
  readyTimeoutMs: number;
}

export interface HubGateway {
  /** Origin, e.g. `http://127.0.0.1:41234`. */
  url: string;
  /** Process mode: every JSON line the gateway printed (in-process: empty; pass a logger to see them). */
  logs: Record<string, unknown>[];
  /** Process mode: the child's pid. */
  pid?: number;
  close(): Promise<void>;
}

/** Polls `url` until it answers 200; gives up after `timeoutMs`. */
export async function waitForOk(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer';
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
      await response.body?.cancel();
      if (response.ok) return;
      last = `HTTP ${response.status}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`${url} not ready within ${timeoutMs} ms (${last})`);
}

function withHarnessKeys(options: HubGatewayOptions): Record<string, unknown> {
  const config = options.config as Record<string, unknown>;
  const supergraph = (config['supergraph'] ?? {}) as Record<string, unknown>;
  const server = (config['server'] ?? {}) as Record<string, unknown>;
  // Each hub's audit trail in its own temp dir: the default `.data/audit` would be shared by parallel test files.
  const audit = (config['audit'] ?? {}) as Record<string, Record<string, unknown> | undefined>;
  return {
    ...config,
    audit: {
      ...audit,
      file: { dir: path.join(options.workDir, 'audit'), ...audit['file'] },
      spool: { dir: path.join(options.workDir, 'audit-spool'), ...audit['spool'] },
    },
    server: { ...server, port: 0, host: '127.0.0.1' },
    supergraph: { watch: false, ...supergraph, path: options.supergraphPath },
  };
}

async function startInProcess(options: HubGatewayOptions): Promise<HubGateway> {
  const config = parseConfig(withHarnessKeys(options));
  if (!options.plugins?.length) {
    const running = await startGateway(config, { log: options.log });
    await waitForOk(`${running.url}/readyz`, options.readyTimeoutMs);
    return { url: running.url, logs: [], close: () => running.close() };
  }
  // startGateway takes no plugins; with plugins, compose what it does (supergraph, gateway, listener).
  const supergraph = await createSupergraphManager(config, options.log);
  const gateway = createGateway(config, { supergraph, log: options.log, plugins: options.plugins });
  const server = createServer(gateway);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  await waitForOk(`${url}/readyz`, options.readyTimeoutMs);
  return {
    url,
    logs: [],
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await supergraph.close();
    },
  };
}

async function startProcess(options: HubGatewayOptions): Promise<HubGateway> {
  const configFile = path.join(options.workDir, 'gateway.json');
  const config = withHarnessKeys(options);
  // The harness reads the "gateway listening" line for the port, so the child logs at least at info.
  const level = (config['log'] as { level?: string } | undefined)?.level;
  if (level === undefined || ['silent', 'fatal', 'error', 'warn'].includes(level)) {
    config['log'] = { ...(config['log'] as object), level: 'info' };
  }
  await writeFile(configFile, JSON.stringify(config, null, 2));
  const child = spawn(process.execPath, [gatewayBinPath, '--config', configFile], {
    env: { PATH: process.env['PATH'] ?? '', ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Record<string, unknown>[] = [];
  let stderr = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const listening = new Promise<string>((resolve, reject) => {
    let buffer = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      let newline: number;
      while ((newline = buffer.indexOf('\n')) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + 1);
        try {
          const entry = JSON.parse(line) as Record<string, unknown>;
          logs.push(entry);
          if (entry['msg'] === 'gateway listening') resolve(new URL(String(entry['url'])).origin);
        } catch {
          // not a JSON log line
        }
      }
    });
    void exited.then((code) => reject(new Error(`gateway exited with ${code} before listening: ${stderr}`)));
    setTimeout(
      () => reject(new Error(`gateway did not log "gateway listening" within ${options.readyTimeoutMs} ms`)),
      options.readyTimeoutMs,
    ).unref();
  });
  const close = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    }
  };
  try {
    const url = await listening;
    await waitForOk(`${url}/readyz`, options.readyTimeoutMs);
    return { url, logs, pid: child.pid, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Starts the hub's gateway over `supergraphPath` and waits until `/readyz` says every subgraph answers. */
export function startHubGateway(options: HubGatewayOptions): Promise<HubGateway> {
  return options.mode === 'process' ? startProcess(options) : startInProcess(options);
}
