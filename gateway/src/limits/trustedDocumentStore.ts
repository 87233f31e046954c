import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import type { Logger } from 'pino';

export interface TrustedDocumentStore {
  /** The document text of a sha256 hex hash, or undefined. */
  get(hash: string): string | undefined;
  /** Number of documents loaded. */
  size(): number;
  /** Re-reads every manifest now; a broken manifest keeps its previous documents. */
  reload(): Promise<void>;
  close(): void;
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** Validates one manifest: a JSON object of sha256 hex → document text whose hash matches. */
function parseManifest(text: string): Map<string, string> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed))
    throw new Error('expected a JSON object { "<sha256 hex>": "<document>" }');
  const documents = new Map<string, string>();
  for (const [hash, document] of Object.entries(parsed)) {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new Error(`key ${hash.slice(0, 80)} is not a sha256 hex hash`);
    if (typeof document !== 'string') throw new Error(`document ${hash} is not a string`);
    // A manifest entry whose text does not hash to its key would let a client run something else than reviewed.
    if (sha256(document) !== hash) throw new Error(`document ${hash} does not hash to its key`);
    documents.set(hash, document);
  }
  return documents;
}

/**
 * The persisted-documents manifests the SDK generates, loaded at start (a broken manifest fails start-up) and
 * reloaded when a file changes (a broken new version is logged and the previous one keeps serving).
 */
export async function createTrustedDocumentStore(
  files: readonly string[],
  options: { watch: boolean; log: Logger; debounceMs?: number },
): Promise<TrustedDocumentStore> {
  const paths = files.map((file) => resolve(file));
  const byFile = new Map<string, Map<string, string>>();
  const load = async (path: string) => byFile.set(path, parseManifest(await readFile(path, 'utf8')));
  await Promise.all(paths.map(load));

  const reloadOne = async (path: string) => {
    try {
      await load(path);
      options.log.info({ manifest: path, documents: byFile.get(path)!.size }, 'trusted documents reloaded');
    } catch (error) {
      options.log.error(
        { manifest: path, err: (error as Error).message },
        'trusted documents reload rejected; keeping previous',
      );
    }
  };
  const watchers: FSWatcher[] = [];
  const timers = new Map<string, NodeJS.Timeout>();
  if (options.watch) {
    for (const dir of new Set(paths.map((p) => dirname(p)))) {
      // The directory, not the file: editors and `mv` replace files, which ends a watch on the old inode.
      const watcher = watch(dir, (_event, changed) => {
        for (const path of paths.filter(
          (p) => dirname(p) === dir && (changed === null || basename(p) === changed),
        )) {
          clearTimeout(timers.get(path));
          timers.set(
            path,
            setTimeout(() => void reloadOne(path), options.debounceMs ?? 100),
          );
        }
      });
      watcher.unref();
      watchers.push(watcher);
    }
  }
  return {
    get(hash) {
      for (const documents of byFile.values()) {
        const document = documents.get(hash);
        if (document !== undefined) return document;
      }
      return undefined;
    },
    size: () => [...byFile.values()].reduce((n, documents) => n + documents.size, 0),
    reload: async () => {
      await Promise.all(paths.map(reloadOne));
    },
    close() {
      for (const timer of timers.values()) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
