import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';

/** What a running dev issuer publishes for `npm run token`: where it is and the secrets it generated. */
export interface ClientsFile {
  issuer: string;
  tokenEndpoint: string;
  audience: string;
  clients: Record<string, { secret: string; scopes: string[] }>;
}

/** Written owner-only: it holds client secrets, even if only for development. */
export async function writeClientsFile(file: string, content: ClientsFile): Promise<void> {
  await mkdir(dirname(file), { recursive: true, mode: 0o700 });
  await writeFile(file, `${JSON.stringify(content, null, 2)}\n`, { mode: 0o600 });
}

export async function readClientsFile(file: string): Promise<ClientsFile | undefined> {
  try {
    return JSON.parse(await readFile(file, 'utf8')) as ClientsFile;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

export async function removeClientsFile(file: string): Promise<void> {
  await rm(file, { force: true });
}
