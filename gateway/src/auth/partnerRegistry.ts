import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { z } from 'zod';

/** The scopes the hub knows (docs/identity.md). A registry granting anything else is rejected. */
export const KNOWN_SCOPES = [
  'catalog:read',
  'egov:read',
  'police:read',
  'health:read',
  'environment:read',
  'pii:read',
  'audit:read',
] as const;

const purposeCode = z.string().regex(/^[A-Z][A-Z0-9_]*$/, 'purpose codes are SCREAMING_CASE');

const purposeSchema = z.strictObject({
  /** What the purpose is, in Vietnamese, as shown to auditors and in refusals. */
  description: z.string().min(1),
  /** The legal basis cited when data is released or refused for this purpose. */
  legalBasis: z.string().min(1),
});

const clientSchema = z.strictObject({
  agency: z.strictObject({ name: z.string().min(1), code: z.string().min(1) }),
  /** Scopes this client may hold; a token's scopes are intersected with these. */
  scopes: z.array(z.enum(KNOWN_SCOPES)),
  /** Purpose codes this client may declare in `X-Purpose`. */
  purposes: z.array(purposeCode),
  /** Whether this client may ever read unmasked personal data (with `pii:read` and an allowed purpose). */
  personalData: z.boolean(),
  /** Whether introspection (of its own contract) is open to this client. */
  introspection: z.boolean(),
  /**
   * What happens when an operation asks for fields the client may not read: `refuse` the whole operation
   * (the default for partners) or `remove` those fields with one error each (the IOC's own front end).
   */
  onUnauthorizedFields: z.enum(['refuse', 'remove']).default('refuse'),
  /** `any` operation, or only `trusted` (persisted) documents. */
  operations: z.enum(['any', 'trusted']).default('any'),
  /**
   * Optional quota (docs/limits.md); absent fields fall back to the deployment's `limits.defaults`, and
   * `limits.clients.<id>` in the gateway config overrides it.
   */
  quota: z
    .strictObject({
      requestsPerMinute: z.int().positive().optional(),
      burst: z.int().positive().optional(),
      costPerMinute: z.int().positive().optional(),
      costPerDay: z.int().positive().optional(),
    })
    .optional(),
  contact: z.strictObject({ name: z.string().min(1), email: z.email() }),
});

const registrySchema = z.strictObject({
  version: z.literal(1),
  purposes: z.record(purposeCode, purposeSchema),
  clients: z.record(z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'client ids are lower-case'), clientSchema),
});

/**
 * Rules across entries. Run on the raw document, beside the schema, so that a structural error elsewhere does not
 * hide them: the operator sees every problem in one go.
 */
function crossCheck(document: unknown): string[] {
  const problems: string[] = [];
  if (typeof document !== 'object' || document === null) return problems;
  const { purposes = {}, clients = {} } = document as { purposes?: object; clients?: object };
  if (typeof clients !== 'object' || clients === null) return problems;
  for (const [clientId, raw] of Object.entries(clients)) {
    const client = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const declared = Array.isArray(client['purposes']) ? (client['purposes'] as unknown[]) : [];
    declared.forEach((purpose, index) => {
      if (typeof purpose === 'string' && !Object.hasOwn(purposes ?? {}, purpose)) {
        problems.push(`clients.${clientId}.purposes.${index}: unknown purpose ${purpose}`);
      }
    });
    const scopes = Array.isArray(client['scopes']) ? (client['scopes'] as unknown[]) : [];
    if (scopes.includes('pii:read') && client['personalData'] !== true) {
      problems.push(`clients.${clientId}.scopes: pii:read is granted but personalData is false`);
    }
  }
  return problems;
}

export type PartnerRegistry = z.infer<typeof registrySchema>;
export type PartnerClient = PartnerRegistry['clients'][string];
export type Purpose = PartnerRegistry['purposes'][string];

export type ParseResult = { ok: true; registry: PartnerRegistry } | { ok: false; problems: string[] };

/** Validates a parsed registry document, reporting every problem at once (as `path: message` lines). */
export function parsePartnerRegistry(document: unknown): ParseResult {
  const result = registrySchema.safeParse(document);
  const problems = result.success
    ? []
    : result.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
  problems.push(...crossCheck(document));
  if (result.success && problems.length === 0) return { ok: true, registry: result.data };
  return { ok: false, problems };
}

/** Thrown when a registry file cannot be used; `problems` lists every reason. */
export class PartnerRegistryError extends Error {
  readonly code = 'PARTNER_REGISTRY_INVALID';
  constructor(
    readonly file: string,
    readonly problems: string[],
  ) {
    super(`partner registry ${file} is invalid:\n  ${problems.join('\n  ')}`);
    this.name = 'PartnerRegistryError';
  }
}

/** Reads and validates a registry file. Throws a {@link PartnerRegistryError} listing every problem. */
export async function loadPartnerRegistry(file: string): Promise<PartnerRegistry> {
  let document: unknown;
  try {
    document = JSON.parse(await readFile(file, 'utf8'));
  } catch (error) {
    throw new PartnerRegistryError(file, [(error as Error).message]);
  }
  const result = parsePartnerRegistry(document);
  if (!result.ok) throw new PartnerRegistryError(file, result.problems);
  return result.registry;
}

export interface PartnerRegistryStoreOptions {
  /** Path of the registry JSON file. */
  file: string;
  /** Reload when the file changes. Default: true. */
  watch?: boolean;
  /** Quiet period after a change before reloading, so an editor's several writes load once. Default: 100 ms. */
  debounceMs?: number;
  /** Called after a successful reload. */
  onReload?: (registry: PartnerRegistry) => void;
  /** Called when a reload fails; the previous registry stays in force. */
  onReloadError?: (error: PartnerRegistryError) => void;
}

export interface PartnerRegistryStore {
  /** The registry in force now. */
  current(): PartnerRegistry;
  /** The entry of a client, or undefined when the client is not registered. */
  client(clientId: string): PartnerClient | undefined;
  /** Reloads now; on failure keeps the previous registry and rethrows. */
  reload(): Promise<PartnerRegistry>;
  close(): void;
}

/**
 * Loads the registry (failing start-up when it is invalid) and keeps it current: on a change of the file it
 * reloads, and a broken new version is reported and ignored so that a typo never locks every partner out.
 */
export async function createPartnerRegistryStore(
  options: PartnerRegistryStoreOptions,
): Promise<PartnerRegistryStore> {
  const { file, debounceMs = 100 } = options;
  let registry = await loadPartnerRegistry(file);
  let timer: NodeJS.Timeout | undefined;
  let watcher: FSWatcher | undefined;

  const reload = async (): Promise<PartnerRegistry> => {
    const next = await loadPartnerRegistry(file);
    registry = next;
    options.onReload?.(next);
    return next;
  };

  if (options.watch ?? true) {
    // Watch the directory, not the file: editors and `mv` replace the file, which ends a watch on its inode.
    const name = basename(file);
    watcher = watch(dirname(file), (_event, changed) => {
      if (changed !== null && changed !== name) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        reload().catch((error: unknown) => {
          if (error instanceof PartnerRegistryError) options.onReloadError?.(error);
        });
      }, debounceMs);
    });
    watcher.unref();
  }

  return {
    current: () => registry,
    client: (clientId) =>
      Object.hasOwn(registry.clients, clientId) ? registry.clients[clientId] : undefined,
    reload,
    close: () => {
      clearTimeout(timer);
      watcher?.close();
    },
  };
}
