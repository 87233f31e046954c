import { parseArgs } from 'node:util';

/** Where the running dev issuer writes its generated client secrets (gitignored: `.data/` is ignored). */
export const DEFAULT_CLIENTS_FILE = '.data/dev-issuer/clients.json';

export interface DevIssuerCliConfig {
  /** Default: 4010 (env LGSP_DEV_ISSUER_PORT; see schema/README.md for the port layout). */
  port: number;
  /** Default: '127.0.0.1'. */
  host: string;
  /** Default: 'lgsp-gateway'. */
  audience: string;
  /** Default: 'config/partners.json'. */
  registryFile: string;
  /** Default: {@link DEFAULT_CLIENTS_FILE}. */
  clientsFile: string;
}

/** The only place of the dev issuer that reads argv and the environment. */
export function readCliConfig(argv: string[], env: NodeJS.ProcessEnv): DevIssuerCliConfig {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' },
      host: { type: 'string' },
      audience: { type: 'string' },
      registry: { type: 'string' },
      'clients-file': { type: 'string' },
    },
  });
  const port = Number(values.port ?? env['LGSP_DEV_ISSUER_PORT'] ?? 4010);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`invalid --port ${values.port}`);
  return {
    port,
    host: values.host ?? '127.0.0.1',
    audience: values.audience ?? 'lgsp-gateway',
    registryFile: values.registry ?? 'config/partners.json',
    clientsFile: values['clients-file'] ?? env['LGSP_DEV_ISSUER_CLIENTS_FILE'] ?? DEFAULT_CLIENTS_FILE,
  };
}
