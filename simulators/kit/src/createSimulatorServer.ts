import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { pino, type Logger } from 'pino';
import { corruptBody, FaultStore, isFaultSpec, type ActiveFault, type FaultSpec } from './faults.js';
import { json } from './replies.js';
import { RequestStats, type SimulatorStats } from './requestStats.js';
import { matchRoute, type Route, type SimReply, type SimRequest } from './router.js';

export interface SimulatorServerOptions {
  /** The system's name, used in logs and `/__admin/stats`. */
  name: string;
  /** The system's API; matched in declaration order. */
  routes: readonly Route[];
  /** Default: a pino logger at level `warn` named after the simulator. */
  log?: Logger;
  /** Port to listen on. Default 0 (any free port). */
  port?: number;
  /** Default `127.0.0.1`. */
  host?: string;
  /** Faults active from the start (as if posted to `/__admin/faults`). Default none. */
  faults?: readonly FaultSpec[];
  /** How many recent `x-request-id` values `/__admin/stats` keeps. Default 200. */
  keepRequestIds?: number;
  /** Largest request body accepted, in bytes. Default 1 MiB. */
  maxBodyBytes?: number;
}

export interface SimulatorServer {
  /** `http://host:port`, no trailing slash. */
  url: string;
  port: number;
  /** In-process access to what the admin routes expose. */
  stats(): SimulatorStats;
  resetStats(): void;
  addFault(spec: FaultSpec): ActiveFault;
  clearFaults(): void;
  /** Stops listening and drops every open connection (including requests held by a `timeout` fault). */
  close(): Promise<void>;
}

const ADMIN_PREFIX = '/__admin/';

class BodyTooLargeError extends Error {}

async function readBody(request: IncomingMessage, maxBytes: number): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBytes) throw new BodyTooLargeError();
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(response: ServerResponse, reply: SimReply): void {
  response.writeHead(reply.status, { ...reply.headers, 'content-length': Buffer.byteLength(reply.body) });
  response.end(reply.body);
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function adminReply(
  method: string,
  path: string,
  body: string,
  faults: FaultStore,
  stats: RequestStats,
  name: string,
): SimReply {
  const key = `${method} ${path}`;
  switch (key) {
    case 'POST /__admin/faults': {
      let spec: unknown;
      try {
        spec = body === '' ? {} : JSON.parse(body);
      } catch {
        return json({ error: 'body must be JSON' }, 400);
      }
      if (!isFaultSpec(spec)) return json({ error: 'body is not a fault spec' }, 400);
      return json(faults.add(spec), 201);
    }
    case 'GET /__admin/faults':
      return json(faults.list());
    case 'DELETE /__admin/faults':
      faults.clear();
      return { status: 204, headers: {}, body: '' };
    case 'GET /__admin/health':
      return json({ status: 'ok', name });
    case 'GET /__admin/stats':
      return json({ name, ...stats.snapshot() });
    case 'POST /__admin/stats/reset':
      stats.reset();
      return { status: 204, headers: {}, body: '' };
    default:
      return json({ error: 'unknown admin route' }, 404);
  }
}

async function applyFault(
  fault: ActiveFault,
  produce: () => Promise<SimReply>,
): Promise<SimReply | 'reset' | 'hold'> {
  if (fault.latencyMs !== undefined && fault.latencyMs > 0) await sleep(fault.latencyMs);
  if (fault.reset) return 'reset';
  if (fault.timeout) return 'hold';
  if (fault.status !== undefined)
    return json({ error: 'injected fault', status: fault.status }, fault.status);
  const reply = await produce();
  return fault.malformed ? { ...reply, body: corruptBody(reply.body) } : reply;
}

interface HandlerDependencies {
  name: string;
  routes: readonly Route[];
  faults: FaultStore;
  stats: RequestStats;
  log: Logger;
  maxBodyBytes: number;
}

/** Admin routes first (uncounted); every other request is counted, then faulted or routed. */
function createRequestHandler(deps: HandlerDependencies) {
  const { name, routes, faults, stats, log, maxBodyBytes } = deps;
  return async (request: IncomingMessage, response: ServerResponse): Promise<void> => {
    const url = new URL(request.url ?? '/', 'http://simulator');
    const method = (request.method ?? 'GET').toUpperCase();
    const body = await readBody(request, maxBodyBytes);
    if (url.pathname.startsWith(ADMIN_PREFIX)) {
      send(response, adminReply(method, url.pathname, body, faults, stats, name));
      return;
    }
    const requestId = headerValue(request.headers['x-request-id']);
    const match = matchRoute(routes, method, url.pathname);
    stats.record(match ? `${match.route.method} ${match.route.pattern}` : 'unmatched', requestId);
    const produce = async (): Promise<SimReply> => {
      if (!match) return json({ error: 'no such route' }, 404);
      const simRequest: SimRequest = {
        method,
        path: url.pathname,
        params: match.params,
        query: url.searchParams,
        headers: request.headers,
        body,
        requestId,
      };
      return match.route.handler(simRequest);
    };
    const fault = faults.take({ method, path: url.pathname, pattern: match?.route.pattern });
    const outcome = fault ? await applyFault(fault, produce) : await produce();
    if (fault) log.info({ requestId, faultId: fault.id, path: url.pathname }, 'fault injected');
    if (outcome === 'reset') request.socket.destroy();
    else if (outcome !== 'hold') send(response, outcome);
  };
}

/** Starts a simulator of one provincial system: its routes plus the `/__admin/*` routes. */
export async function createSimulatorServer(options: SimulatorServerOptions): Promise<SimulatorServer> {
  const { name, routes } = options;
  const log = options.log ?? pino({ name: `simulator-${name}`, level: 'warn' });
  const maxBodyBytes = options.maxBodyBytes ?? 1024 * 1024;
  const faults = new FaultStore();
  const stats = new RequestStats(options.keepRequestIds ?? 200);
  for (const spec of options.faults ?? []) faults.add(spec);

  const handle = createRequestHandler({ name, routes, faults, stats, log, maxBodyBytes });

  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof BodyTooLargeError) {
        send(response, json({ error: 'body too large' }, 413));
        return;
      }
      log.error({ err: error }, 'simulator handler failed');
      if (!response.headersSent) send(response, json({ error: 'simulator error' }, 500));
      else response.destroy();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  log.info({ port: address.port }, 'simulator listening');
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    stats: () => ({ ...stats.snapshot() }),
    resetStats: () => stats.reset(),
    addFault: (spec) => faults.add(spec),
    clearFaults: () => faults.clear(),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
