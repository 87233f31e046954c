// Starting pinned child processes and waiting for them to answer.
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { cpus } from 'node:os';

export const cpuCount = cpus().length;

/** Cores: the gateway gets core 0, everything else (load generator, subgraphs) core 1; none on a 1-core box. */
export const cores = cpuCount >= 2 ? { gateway: '0', rest: '1' } : { gateway: undefined, rest: undefined };

export function pinSelf() {
  if (!cores.rest) return false;
  try {
    execFileSync('taskset', ['-a', '-cp', cores.rest, String(process.pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

// Every child this bench started, so none outlives it (an interrupted run would leave servers on ports).
const children = new Set();
process.once('exit', () => {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

/** Spawns `node <args>` pinned to `core` (taskset), output discarded unless `ipc`. */
export function spawnPinned(core, args, { ipc = false, env = {}, cwd } = {}) {
  const command = core ? 'taskset' : process.execPath;
  const argv = core ? ['-c', core, process.execPath, ...args] : args;
  const child = spawn(command, argv, {
    cwd,
    env: { ...process.env, NODE_ENV: 'production', ...env },
    stdio: ipc ? ['ignore', 'ignore', 'inherit', 'ipc'] : ['ignore', 'ignore', 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

export async function waitUntil(probe, timeoutMs, what) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if (await probe()) return;
    } catch (error) {
      if (error.fatal) throw error;
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`${what} not ready within ${timeoutMs} ms`);
}

export function stopProcess(child) {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
