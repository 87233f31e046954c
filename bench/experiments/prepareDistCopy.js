// Applies an experiment to a COPY of gateway/dist in a temp dir (gateway/ itself is never touched): copies the
// build, links the repository's node_modules next to it, and applies text replacements, each of which must match
// exactly once (so a changed build fails loudly instead of measuring something else). Returns the copied bin.js.
import { cpSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * @param {string} repoRoot
 * @param {string} id experiment id (names the temp dir)
 * @param {{ file: string, find: string, replace: string }[]} edits paths relative to gateway/dist
 */
export function prepareDistCopy(repoRoot, id, edits) {
  const dir = mkdtempSync(path.join(tmpdir(), `lgsp-bench-${id}-`));
  cpSync(path.join(repoRoot, 'gateway/dist'), path.join(dir, 'gateway/dist'), { recursive: true });
  cpSync(path.join(repoRoot, 'gateway/package.json'), path.join(dir, 'gateway/package.json'));
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  for (const { file, find, replace } of edits) {
    const target = path.join(dir, 'gateway/dist', file);
    const text = readFileSync(target, 'utf8');
    const count = text.split(find).length - 1;
    if (count !== 1)
      throw new Error(`experiment ${id}: expected one match in ${file}, found ${count}: ${find}`);
    writeFileSync(target, text.replace(find, replace));
  }
  return path.join(dir, 'gateway/dist/bin.js');
}
