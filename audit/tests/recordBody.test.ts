import { describe, it, expect } from '@jest/globals';
import { buildRecordBody, keyedHashesOf } from '../src/buildRecordBody.js';
import { canonicalJson, sha256Hex } from '../src/canonicalJson.js';
import { chainRecord, emptyChainHead, recordHash } from '../src/chain.js';
import { createKeyedHasher } from '../src/keyedHasher.js';
import { citizenLookup, testHasher } from './fixtures.js';

describe('audit record body', () => {
  it('stores no personal data in clear, only keyed hashes an auditor with the key can recompute', () => {
    const body = buildRecordBody(
      citizenLookup('017090001234'),
      testHasher,
      '00000000-0000-4000-8000-000000000001',
      0,
    );
    const line = canonicalJson(body);
    expect(line).not.toContain('017090001234');
    expect(line).not.toContain('Nguyễn');
    const expected = testHasher.hash(' 017090001234 ');
    expect(body.variables).toEqual({ cccd: `hmac:${expected}` });
    expect(body.entityKeys).toEqual([{ kind: 'CCCD', key: expected }]);
    expect(keyedHashesOf(body)).toEqual([expected]);
    expect(body.keyId).toBe(testHasher.keyId);
  });

  it('keyed hashes depend on the key, so the log alone cannot be brute-forced over the CCCD space', () => {
    const other = createKeyedHasher(Buffer.alloc(32, 9));
    expect(other.hash('017090001234')).not.toBe(testHasher.hash('017090001234'));
    expect(testHasher.hash('017090001234')).not.toBe(sha256Hex('017090001234'));
  });

  it('hashes personal values inside nested inputs and lists, and leaves the rest readable', () => {
    const body = buildRecordBody(
      {
        outcome: 'allowed',
        variables: { input: { phones: ['0912345678', '0987654321'], district: '148' }, first: 10 },
        personalVariables: ['input.phones'],
      },
      testHasher,
    );
    expect(body.variables).toEqual({
      input: {
        phones: [`hmac:${testHasher.hash('0912345678')}`, `hmac:${testHasher.hash('0987654321')}`],
        district: '148',
      },
      first: 10,
    });
  });

  it('records the document and response as SHA-256, sorts sets, and marks personal coordinates among those read', () => {
    const input = citizenLookup('017090001234', {
      errorCodes: ['UPSTREAM_TIMEOUT', 'FORBIDDEN', 'FORBIDDEN'],
    });
    const body = buildRecordBody(input, testHasher);
    expect(body.documentHash).toBe(sha256Hex(input.document!));
    expect(body.responseHash).toBe(sha256Hex(input.response as string));
    expect(body.coordinates).toEqual([
      'CitizenVaccination.cccd',
      'CitizenVaccination.doses',
      'CitizenVaccination.fullName',
      'Dose.date',
      'Query.citizenVaccinations',
    ]);
    expect(body.personalCoordinates).toEqual(['CitizenVaccination.cccd', 'CitizenVaccination.fullName']);
    expect(body.errorCodes).toEqual(['FORBIDDEN', 'UPSTREAM_TIMEOUT']);
    expect(body.durationMs).toBe(12.346);
  });

  it('chains: the hash covers seq and prevHash, and canonical JSON does not depend on field order', () => {
    const body = buildRecordBody(citizenLookup('017090001234'), testHasher);
    const { record, line } = chainRecord(body, emptyChainHead);
    expect(record.seq).toBe(1);
    expect(record.prevHash).toBe('0'.repeat(64));
    expect(recordHash(JSON.parse(line))).toBe(record.hash);
    const { hash: _hash, ...unhashed } = record;
    const reordered = Object.fromEntries(Object.entries(unhashed).reverse());
    expect(canonicalJson(reordered)).toBe(canonicalJson(unhashed));
    expect(line).toBe(`${canonicalJson(reordered).slice(0, -1)},"hash":"${record.hash}"}`);
    expect(recordHash({ ...record, seq: 2 })).not.toBe(record.hash);
  });
});

describe('audit record body from careless input', () => {
  it('never yields a record that cannot be chained (it would block the writer)', () => {
    const body = buildRecordBody(
      {
        outcome: 'failed',
        durationMs: Number.NaN,
        eventIndex: Number.POSITIVE_INFINITY,
        variables: { big: 10n },
      },
      testHasher,
    );
    expect(body).toMatchObject({ durationMs: null, eventIndex: null, variables: { $unserializable: true } });
    expect(() => chainRecord(body, emptyChainHead)).not.toThrow();
  });
});

describe('audit record time', () => {
  it('refuses a time no sink can store, so the writer records the append time instead', () => {
    expect(() => buildRecordBody({ outcome: 'allowed', time: new Date(-1e15) }, testHasher)).toThrow(
      'out of range',
    );
    expect(() => buildRecordBody({ outcome: 'allowed', time: 'yesterday' }, testHasher)).toThrow(
      'out of range',
    );
    expect(buildRecordBody({ outcome: 'allowed', time: '2026-11-25T01:02:03Z' }, testHasher).time).toBe(
      '2026-11-25T01:02:03.000Z',
    );
  });
});
