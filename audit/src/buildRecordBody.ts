import { randomUUID } from 'node:crypto';
import { AUDIT_RECORD_VERSION, type AuditEventInput, type OperationRecordBody } from './auditRecord.js';
import { canonicalJson, sha256Hex } from './canonicalJson.js';
import { KEYED_HASH_PREFIX, type KeyedHasher } from './keyedHasher.js';

function sortedUnique(values: Iterable<string> | undefined): string[] {
  return values ? [...new Set(values)].sort() : [];
}

function isoTime(time: AuditEventInput['time'], fallbackMs: number): string {
  if (time === undefined) return new Date(fallbackMs).toISOString();
  const date = time instanceof Date ? time : new Date(time);
  // Years 0000-9999 only: every sink (and ISO 8601 without extensions) can hold them.
  const ms = date.getTime();
  if (!(ms >= -62_167_219_200_000 && ms <= 253_402_300_799_999))
    throw new RangeError('audit event time out of range');
  return date.toISOString();
}

/** Replaces every value under one dotted path with its keyed hash; arrays on the way are walked element-wise. */
function hashPath(node: unknown, path: readonly string[], hasher: KeyedHasher): unknown {
  if (Array.isArray(node)) return node.map((item) => hashPath(item, path, hasher));
  if (path.length === 0) {
    if (node === null || node === undefined) return node;
    if (typeof node === 'string' || typeof node === 'number')
      return `${KEYED_HASH_PREFIX}${hasher.hash(node)}`;
    // An object or boolean marked personal: keep nothing readable of it.
    return `${KEYED_HASH_PREFIX}${hasher.hash(JSON.stringify(node))}`;
  }
  if (typeof node !== 'object' || node === null) return node;
  const [head, ...rest] = path as [string, ...string[]];
  if (!Object.hasOwn(node, head)) return node;
  return {
    ...(node as Record<string, unknown>),
    [head]: hashPath((node as Record<string, unknown>)[head], rest, hasher),
  };
}

function hashVariables(input: AuditEventInput, hasher: KeyedHasher): Record<string, unknown> | null {
  if (!input.variables) return null;
  let variables: unknown = input.variables;
  for (const path of input.personalVariables ?? []) variables = hashPath(variables, path.split('.'), hasher);
  // Variables come from the client; whatever cannot be hashed as JSON (a BigInt, a NaN) must not poison the batch
  // (a record that cannot be chained would block the writer): say so instead.
  try {
    canonicalJson(variables);
  } catch {
    return { $unserializable: true };
  }
  return variables as Record<string, unknown>;
}

const finiteOrNull = (n: number | null | undefined, round: (n: number) => number): number | null =>
  typeof n === 'number' && Number.isFinite(n) ? round(n) : null;

function hashOf(
  text: string | Uint8Array | null | undefined,
  given: string | null | undefined,
): string | null {
  if (given) return given;
  return text === null || text === undefined ? null : sha256Hex(text);
}

/**
 * Turns what the gateway supplied into the stored form: personal data replaced by keyed hashes, document and
 * response replaced by their SHA-256, sets sorted. Runs on the audit writer, off the request's hot path.
 */
export function buildRecordBody(
  input: AuditEventInput,
  hasher: KeyedHasher,
  id: string = randomUUID(),
  appendedAtMs = Date.now(),
): OperationRecordBody {
  const personalCoordinates = sortedUnique(input.personalCoordinates);
  const entityKeys = (input.personalEntityKeys ?? []).map(({ kind, value }) => ({
    kind,
    key: hasher.hash(value),
  }));
  const variables = hashVariables(input, hasher);
  const usedKey = entityKeys.length > 0 || (input.personalVariables?.length ?? 0) > 0;
  return {
    v: AUDIT_RECORD_VERSION,
    kind: input.kind ?? 'operation',
    id,
    time: isoTime(input.time, appendedAtMs),
    requestId: input.requestId ?? null,
    client: input.client ?? null,
    subject: input.subject ?? null,
    agency: input.agency ?? null,
    purpose: input.purpose ?? null,
    caseId: input.caseId ?? null,
    operationName: input.operationName ?? null,
    operationType: input.operationType ?? null,
    documentHash: hashOf(input.document, input.documentHash),
    variables,
    coordinates: sortedUnique([...(input.coordinates ?? []), ...personalCoordinates]),
    personalCoordinates,
    maskedCoordinates: sortedUnique(input.maskedCoordinates),
    entityKeys: entityKeys.sort((a, b) => (a.kind + a.key < b.kind + b.key ? -1 : 1)),
    outcome: input.outcome,
    errorCodes: sortedUnique(input.errorCodes),
    refusals: (input.refusals ?? []).map((r) => ({
      code: r.code,
      coordinate: r.coordinate ?? null,
      reason: r.reason,
      legalBasis: r.legalBasis ?? null,
    })),
    durationMs: finiteOrNull(input.durationMs, (n) => Math.round(n * 1000) / 1000),
    subgraphs: sortedUnique(input.subgraphs),
    responseHash: hashOf(input.response, input.responseHash),
    eventIndex: finiteOrNull(input.eventIndex, Math.trunc),
    keyId: usedKey ? hasher.keyId : null,
  };
}

/** Every keyed hash a record holds (entity keys and hashed variables): what a citizen-identifier query matches. */
export function keyedHashesOf(record: {
  entityKeys?: ReadonlyArray<{ key: string }>;
  variables?: unknown;
}): string[] {
  const found = new Set<string>((record.entityKeys ?? []).map((k) => k.key));
  const walk = (node: unknown): void => {
    if (typeof node === 'string') {
      if (node.startsWith(KEYED_HASH_PREFIX)) found.add(node.slice(KEYED_HASH_PREFIX.length));
    } else if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) Object.values(node).forEach(walk);
  };
  walk(record.variables);
  return [...found];
}
