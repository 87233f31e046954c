import { type FSWatcher, unwatchFile, watch, watchFile } from 'node:fs';
import { basename, dirname } from 'node:path';

export interface FileWatchOptions {
  /** Stat-poll interval backing fs.watch up. */
  pollIntervalMs: number;
  /** Quiet time after the last event before `onChange` runs (editors write in several steps). Default 50 ms. */
  debounceMs?: number;
}

/**
 * Calls `onChange` after the file changes. Watches the directory, since editors and `mv` replace the file (which ends
 * a watch on the file itself), and stat-polls the file, since fs.watch misses changes on some network filesystems
 * and container mounts. Returns a function that stops watching.
 */
export function watchSupergraphFile(
  path: string,
  options: FileWatchOptions,
  onChange: () => void,
): () => void {
  let debounce: NodeJS.Timeout | undefined;
  const schedule = () => {
    clearTimeout(debounce);
    debounce = setTimeout(onChange, options.debounceMs ?? 50);
  };
  let watcher: FSWatcher | undefined;
  try {
    watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
      if (file === null || file === basename(path)) schedule();
    });
    watcher.on('error', () => undefined);
  } catch {
    watcher = undefined; // the poll below still works
  }
  watchFile(path, { interval: options.pollIntervalMs, persistent: false }, schedule);
  return () => {
    clearTimeout(debounce);
    watcher?.close();
    unwatchFile(path, schedule);
  };
}
