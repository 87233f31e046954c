import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';

const sourceRoot = new URL('../src/', import.meta.url);

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Every module specifier a file imports or re-exports, with whether the import is type-only (erased). */
function importsOf(source: string): { specifier: string; typeOnly: boolean }[] {
  const pattern = /^\s*(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]+)['"]/gm;
  return [...source.matchAll(pattern)].map((match) => ({
    specifier: match[3]!,
    typeOnly: match[2] !== undefined,
  }));
}

describe('the client runs in browsers: fetch and web APIs only', () => {
  const files = sourceFiles(sourceRoot.pathname);

  it('imports no Node built-in and no runtime package, only its own modules', () => {
    expect(files.length).toBeGreaterThan(10);
    const outside = files.flatMap((file) =>
      importsOf(readFileSync(file, 'utf8'))
        .filter(({ specifier, typeOnly }) => !specifier.startsWith('.') && !typeOnly)
        .map(({ specifier }) => `${path.relative(sourceRoot.pathname, file)}: ${specifier}`),
    );
    expect(outside).toEqual([]);
  });

  it('uses no Node globals (Buffer, process, require)', () => {
    const offenders = files.filter((file) =>
      /\b(Buffer|process|require)\s*[.(]/.test(readFileSync(file, 'utf8')),
    );
    expect(offenders.map((file) => path.relative(sourceRoot.pathname, file))).toEqual([]);
  });
});
