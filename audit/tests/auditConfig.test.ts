import { describe, it, expect } from '@jest/globals';
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { auditConfigSchema, openAuditTrail } from '../src/auditConfig.js';
import { createFileSource } from '../src/auditSource.js';
import { openAuditReader } from '../src/openAuditReader.js';
import { outcomeOf } from '../src/outcomeOf.js';
import { citizenLookup, tempDir } from './fixtures.js';

describe('audit config', () => {
  it('defaults to a fail-closed JSON-lines file with two years of retention', () => {
    const config = auditConfigSchema.parse({});
    expect(config).toMatchObject({
      enabled: true,
      sink: 'file',
      failMode: 'closed',
      file: { dir: '.data/audit', fsync: true },
      retention: { days: 730 },
    });
  });

  it('reports every problem at once', () => {
    const result = auditConfigSchema.safeParse({
      sink: 'postgres',
      failMode: 'sometimes',
      postgres: { schema: 'Bad-Name' },
    });
    expect(result.success).toBe(false);
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['failMode', 'postgres.schema']));
  });

  it('requires a connection string for PostgreSQL and a key when dev keys are off', () => {
    const result = auditConfigSchema.safeParse({ sink: 'postgres', key: { generateDevKey: false } });
    const paths = result.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['postgres.connectionString', 'key']));
  });

  it('generates a private development key once and reuses it, so keyed hashes stay comparable across restarts', async () => {
    const { dir, remove } = await tempDir();
    try {
      const config = auditConfigSchema.parse({ thread: false, file: { dir }, retention: { days: 0 } });
      const first = await openAuditTrail(config);
      first.trail.append(citizenLookup('017090001234'));
      await first.close();
      const keyFile = join(dir, 'hmac.key');
      expect((await stat(keyFile)).mode & 0o777).toBe(0o600);
      const key = await readFile(keyFile, 'utf8');
      const second = await openAuditTrail(config);
      second.trail.append(citizenLookup('017090001234'));
      await second.close();
      expect(await readFile(keyFile, 'utf8')).toBe(key);
      const records = await createFileSource(dir).query({});
      const [a, b] = records.map((r) => (r.kind === 'checkpoint' ? [] : r.entityKeys));
      expect(a).toEqual(b);
      // What the gateway's audit:read queries use: the same key finds both reads of the CCCD.
      const { source, hasher } = await openAuditReader(config);
      expect(await source.query({ keyedHash: hasher.hash('017090001234') })).toHaveLength(2);
      await source.close();
    } finally {
      await remove();
    }
  });
});

describe('outcomeOf', () => {
  it('prefers refused, then failed, then masked, then allowed', () => {
    expect(outcomeOf({ errorCodes: ['FORBIDDEN', 'UPSTREAM_ERROR'] })).toBe('refused');
    expect(outcomeOf({ errorCodes: ['AUDIT_UNAVAILABLE'] })).toBe('refused');
    expect(outcomeOf({ errorCodes: ['UPSTREAM_TIMEOUT'], maskedCoordinates: ['Citizen.phone'] })).toBe(
      'failed',
    );
    expect(outcomeOf({ maskedCoordinates: ['Citizen.phone'] })).toBe('masked');
    expect(outcomeOf({})).toBe('allowed');
  });
});

describe('audit disabled', () => {
  it('keeps the API, writes nothing and does not gate personal data', async () => {
    const { dir, remove } = await tempDir();
    try {
      const { trail, close } = await openAuditTrail(
        auditConfigSchema.parse({ enabled: false, file: { dir } }),
      );
      trail.append(citizenLookup('017090001234'));
      await trail.flush();
      expect(trail.health()).toMatchObject({ personalDataAllowed: true, reason: 'audit disabled' });
      expect(trail.stats()).toMatchObject({ appended: 1, written: 0, dropped: 1 });
      await close();
      expect(await readdir(dir)).toEqual([]);
    } finally {
      await remove();
    }
  });
});
