import { randomBytes } from 'node:crypto';
import { createServer, Socket, type Server } from 'node:net';
import pg from 'pg';

/** The machine's PostgreSQL (trust auth, database `test`); `LGSP_TEST_PG_URL` overrides for other setups. */
export const pgUrl = process.env.LGSP_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** A schema of our own per test run, dropped afterwards: other engineers share this database. */
export function uniqueSchema(prefix = 'audit_e2e'): string {
  return `${prefix}_${randomBytes(5).toString('hex')}`;
}

export async function withClient<T>(work: (client: pg.Client) => Promise<T>, url = pgUrl): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export async function dropSchema(schema: string): Promise<void> {
  await withClient((c) => c.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`));
}

/**
 * A TCP proxy on port 0 in front of PostgreSQL, so a test can cut the database off (existing connections destroyed,
 * new ones refused at once) and bring it back, without touching the shared server.
 */
export async function startPgProxy(
  target = { host: '127.0.0.1', port: Number(new URL(pgUrl).port || 5432) },
) {
  let up = true;
  let stalled = false;
  const sockets = new Set<Socket>();
  const upstreams = new Set<Socket>();
  const server: Server = createServer((client) => {
    if (!up) {
      client.destroy();
      return;
    }
    const upstream = new Socket();
    sockets.add(client).add(upstream);
    upstreams.add(upstream);
    const cleanup = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
      upstreams.delete(upstream);
    };
    client.on('error', cleanup).on('close', cleanup);
    upstream.on('error', cleanup).on('close', cleanup);
    upstream.connect(target.port, target.host, () => {
      client.pipe(upstream);
      upstream.pipe(client);
      if (stalled) upstream.pause();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const url = new URL(pgUrl);
  url.host = `127.0.0.1:${port}`;
  return {
    url: url.toString(),
    /** Cuts every open connection and refuses new ones. */
    down() {
      up = false;
      for (const socket of sockets) socket.destroy();
      sockets.clear();
    },
    up() {
      up = true;
    },
    /** Holds back the server's answers (the database looks slow: queries time out, commits may still happen). */
    stall(on: boolean) {
      stalled = on;
      for (const upstream of upstreams)
        if (on) upstream.pause();
        else upstream.resume();
    },
    async close() {
      this.down();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
