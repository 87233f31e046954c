import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createPartnerRegistryStore,
  loadPartnerRegistry,
  parsePartnerRegistry,
  PartnerRegistryError,
  type PartnerRegistryStore,
} from '../../src/auth/partnerRegistry.js';

const demoFile = new URL('../../../config/partners.json', import.meta.url).pathname;

async function waitFor(predicate: () => boolean, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('partner registry', () => {
  const stores: PartnerRegistryStore[] = [];
  afterEach(() => stores.splice(0).forEach((store) => store.close()));

  it('accepts the demo registry with its four demo clients', async () => {
    const registry = await loadPartnerRegistry(demoFile);
    expect(Object.keys(registry.clients).sort()).toEqual([
      'auditor',
      'ioc-dashboard',
      'partner-health',
      'partner-police',
    ]);
    expect(registry.clients['partner-police']!.purposes).toContain('LAW_ENFORCEMENT');
    expect(registry.clients['ioc-dashboard']!.onUnauthorizedFields).toBe('remove');
    expect(registry.clients['partner-health']!.scopes).not.toContain('pii:read');
  });

  it('reports every problem of a broken registry at once', async () => {
    const document = JSON.parse(await readFile(demoFile, 'utf8'));
    document.clients['partner-health'].scopes.push('secret:write');
    document.clients['partner-police'].purposes.push('CURIOSITY');
    document.clients['auditor'].contact.email = 'not-an-email';
    document.clients['ioc-dashboard'].scopes.push('pii:read');
    const result = parsePartnerRegistry(document);
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    expect(problems).toHaveLength(4);
    expect(problems.join('\n')).toMatch(/clients\.partner-health\.scopes\.2/);
    expect(problems.join('\n')).toMatch(/clients\.partner-police\.purposes\.2: unknown purpose CURIOSITY/);
    expect(problems.join('\n')).toMatch(/clients\.auditor\.contact\.email/);
    expect(problems.join('\n')).toMatch(
      /clients\.ioc-dashboard\.scopes: pii:read is granted but personalData is false/,
    );
  });

  it('refuses to start from a file that is not JSON, naming the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'registry-'));
    const file = join(dir, 'partners.json');
    await writeFile(file, '{ not json');
    await expect(loadPartnerRegistry(file)).rejects.toBeInstanceOf(PartnerRegistryError);
    await expect(loadPartnerRegistry(file)).rejects.toThrow(file);
    await rm(dir, { recursive: true });
  });

  it('reloads a changed file without restart and keeps the old registry when the new one is broken', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'registry-'));
    const file = join(dir, 'partners.json');
    const document = JSON.parse(await readFile(demoFile, 'utf8'));
    await writeFile(file, JSON.stringify(document));
    const errors: PartnerRegistryError[] = [];
    const store = await createPartnerRegistryStore({
      file,
      debounceMs: 20,
      onReloadError: (e) => errors.push(e),
    });
    stores.push(store);
    expect(store.client('partner-new')).toBeUndefined();

    document.clients['partner-new'] = {
      ...document.clients['partner-health'],
      agency: { name: 'Sở Xây dựng', code: 'SXD-HB' },
    };
    // Replace atomically, as deployment tools do.
    await writeFile(`${file}.tmp`, JSON.stringify(document));
    await rename(`${file}.tmp`, file);
    await waitFor(() => store.client('partner-new') !== undefined);
    expect(store.client('partner-new')!.agency.name).toBe('Sở Xây dựng');

    await writeFile(file, '{ "version": 1, "clients": ');
    await waitFor(() => errors.length > 0);
    expect(store.client('partner-new')!.agency.code).toBe('SXD-HB');
    expect(errors[0]!.problems.length).toBeGreaterThan(0);
    await rm(dir, { recursive: true });
  });

  it('does not treat inherited object keys as registered clients', async () => {
    const store = await createPartnerRegistryStore({ file: demoFile, watch: false });
    expect(store.client('constructor')).toBeUndefined();
    expect(store.client('__proto__')).toBeUndefined();
  });
});
