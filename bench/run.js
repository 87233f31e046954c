#!/usr/bin/env node
// Entry of `npm run bench`: installs the bench's own dependencies on first use (the peers are bench-only; the
// product's `npm install` never installs them), then runs the benchmark. No dependencies of its own.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
if (!existsSync(path.join(benchDir, 'node_modules', 'autocannon'))) {
  console.log('bench: installing bench-only dependencies (npm ci in bench/)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund'], { cwd: benchDir, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
await import('./src/runBench.js');
