#!/usr/bin/env node
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './createLogger.js';
import { startGateway } from './startGateway.js';

const usage = `usage: lgsp-gateway --supergraph <file> [--port <n>] [--host <addr>] [--config <file.json>] [--dev]`;

function parseCli() {
  const { values } = parseArgs({
    options: {
      supergraph: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string' },
      config: { type: 'string' },
      dev: { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  return values;
}

async function main(): Promise<void> {
  let args: ReturnType<typeof parseCli>;
  try {
    args = parseCli();
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  let config;
  try {
    config = loadConfig({
      file: args.config,
      env: process.env,
      overrides: {
        supergraph: args.supergraph === undefined ? undefined : { path: args.supergraph },
        server: { port: args.port === undefined ? undefined : Number(args.port), host: args.host },
        dev: args.dev,
      },
    });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n${usage}\n`);
    process.exit(2);
  }
  const log = createLogger(config);
  const running = await startGateway(config, { log }).catch((error: unknown) => {
    log.fatal({ err: (error as Error).message }, 'gateway failed to start');
    process.exit(1);
  });
  const stop = (signal: string) => {
    log.info({ signal }, 'draining');
    running.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

await main();
