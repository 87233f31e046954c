/**
 * The audit record, version 1. One record per GraphQL operation (and per subscription event that delivers personal
 * data), plus `checkpoint` records written by retention. Every record is stored as canonical JSON (see
 * canonicalJson.ts); `hash` is the SHA-256 of that JSON without the `hash` field, so it covers `seq` and `prevHash`
 * and the records form one hash chain per sink. docs/audit.md explains each field for auditors.
 *
 * Personal data never appears in clear: variable values the schema marks as personal data and the keys of the
 * personal-data entities returned are replaced by keyed hashes (HMAC-SHA-256 with the deployment's audit key), so
 * an auditor holding the key can find every read of a given CCCD while the log itself holds no CCCD.
 */

/** The record format version written by this package; readers refuse records of a version they do not know. */
export const AUDIT_RECORD_VERSION = 1;

/** `prevHash` of the first record of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * allowed: served in full; masked: served, with some personal data masked (no `pii:read` or no purpose);
 * refused: denied as a whole or in part (authentication, authorization, limits, audit unavailable), see `refusals`;
 * failed: execution failed in whole or part (upstream, internal), see `errorCodes`.
 */
export type AuditOutcome = 'allowed' | 'masked' | 'refused' | 'failed';

export const auditOutcomes: readonly AuditOutcome[] = ['allowed', 'masked', 'refused', 'failed'];

export type AuditOperationType = 'query' | 'mutation' | 'subscription';

/** One refusal: the code sent to the client, the field concerned, the reason and the legal basis stated. */
export interface AuditRefusal {
  code: string;
  /** Schema coordinate refused (`Citizen.cccd`), or null when the whole operation was refused. */
  coordinate: string | null;
  reason: string;
  legalBasis: string | null;
}

/** A personal-data entity key returned to the client, as a keyed hash. */
export interface AuditEntityKey {
  /** What the key identifies, e.g. `CCCD`, `PHONE`, `PLATE` (the `@personalData(kind:)` of the key field). */
  kind: string;
  /** HMAC-SHA-256(audit key, normalized value), lower-case hex. */
  key: string;
}

/** Fields shared by every record. */
interface RecordBase {
  /** Record format version (1). */
  v: typeof AUDIT_RECORD_VERSION;
  /** Random UUID; delivery to a sink is idempotent by this id. */
  id: string;
  /** When the operation started (or the event was delivered), ISO 8601 UTC with milliseconds. */
  time: string;
}

/** The record of one operation or subscription event, before it is chained. */
export interface OperationRecordBody extends RecordBase {
  kind: 'operation' | 'subscriptionEvent';
  /** Request id (`x-request-id`), also in the gateway's logs and the subgraphs' logs. */
  requestId: string | null;
  /** OAuth2 client (`azp`) that called; null when unauthenticated. */
  client: string | null;
  /** Token subject (`sub`), usually the partner's service account. */
  subject: string | null;
  /** Agency code of the client, from the partner registry. */
  agency: string | null;
  /** Declared purpose (`X-Purpose` header or claim). */
  purpose: string | null;
  /** Case or dossier that caused the call (like X-Road-Issue). */
  caseId: string | null;
  operationName: string | null;
  operationType: AuditOperationType | null;
  /** SHA-256 hex of the normalized document (the persisted-document hash when trusted documents are used). */
  documentHash: string | null;
  /** Variables as sent, with personal-data values replaced by `hmac:<hex>`. */
  variables: Record<string, unknown> | null;
  /** Every schema coordinate the operation selected (`Type.field`), sorted. */
  coordinates: string[];
  /** The subset of `coordinates` declared personal data, sorted. */
  personalCoordinates: string[];
  /** The subset of `personalCoordinates` that was masked in the response, sorted. */
  maskedCoordinates: string[];
  /** Keys of the personal-data entities returned, as keyed hashes. */
  entityKeys: AuditEntityKey[];
  outcome: AuditOutcome;
  /** `extensions.code` of every error in the response, sorted, unique. */
  errorCodes: string[];
  refusals: AuditRefusal[];
  /** Wall time from request start to response, milliseconds (3 decimals). */
  durationMs: number | null;
  /** Subgraphs called, sorted. */
  subgraphs: string[];
  /** SHA-256 hex of the response body sent (or of one event's payload). */
  responseHash: string | null;
  /** Index of the event within its subscription (0-based); null for operations. */
  eventIndex: number | null;
  /** Fingerprint of the audit key used for the keyed hashes (not the key); null when nothing was hashed. */
  keyId: string | null;
}

/** Written by retention before older records are removed: it vouches for the removed prefix of the chain. */
export interface CheckpointRecordBody extends RecordBase {
  kind: 'checkpoint';
  /** Records with `seq <= prunedThroughSeq` may be absent from the sink. */
  prunedThroughSeq: number;
  /** `hash` of the record `prunedThroughSeq`: the `prevHash` the first remaining record must carry. */
  prunedThroughHash: string;
  /** Removal cutoff: records older than this were removed (ISO 8601). */
  cutoff: string;
}

export type AuditRecordBody = OperationRecordBody | CheckpointRecordBody;

/** Chain fields added by the sink when it stores a record. */
export interface ChainFields {
  /** 1, 2, 3, … without gaps, one sequence per sink. */
  seq: number;
  /** `hash` of the record `seq - 1`, or GENESIS_HASH for seq 1. */
  prevHash: string;
  /** SHA-256 hex of the canonical JSON of this record without `hash`. */
  hash: string;
}

export type AuditRecord = AuditRecordBody & ChainFields;
export type OperationRecord = OperationRecordBody & ChainFields;
export type CheckpointRecord = CheckpointRecordBody & ChainFields;

/**
 * What the gateway supplies for one operation. Raw values go in; the trail hashes, sorts and normalizes them off
 * the hot path. Personal data is passed in clear only here, in memory; it never reaches a sink.
 */
export interface AuditEventInput {
  /** Default `operation`. */
  kind?: 'operation' | 'subscriptionEvent';
  /** Operation start; default: the time `append` was called. */
  time?: Date | number | string;
  requestId?: string | null;
  client?: string | null;
  subject?: string | null;
  agency?: string | null;
  purpose?: string | null;
  caseId?: string | null;
  operationName?: string | null;
  operationType?: AuditOperationType | null;
  /** The normalized document text (hashed with SHA-256); ignored when `documentHash` is given. */
  document?: string | null;
  /** Precomputed document hash (e.g. the persisted-document id). */
  documentHash?: string | null;
  variables?: Record<string, unknown> | null;
  /**
   * Dotted paths into `variables` whose values are personal data (`cccd`, `input.phone`); arrays on the way are
   * traversed element by element. Each value there is stored as `hmac:<hex>`.
   */
  personalVariables?: readonly string[];
  coordinates?: Iterable<string>;
  personalCoordinates?: Iterable<string>;
  maskedCoordinates?: Iterable<string>;
  /** Keys of the personal-data entities returned, in clear; stored only as keyed hashes. */
  personalEntityKeys?: ReadonlyArray<{ kind: string; value: string | number }>;
  outcome: AuditOutcome;
  errorCodes?: Iterable<string>;
  refusals?: ReadonlyArray<{
    code: string;
    coordinate?: string | null;
    reason: string;
    legalBasis?: string | null;
  }>;
  durationMs?: number | null;
  subgraphs?: Iterable<string>;
  /** The response body sent (hashed with SHA-256); ignored when `responseHash` is given. */
  response?: string | Uint8Array | null;
  responseHash?: string | null;
  eventIndex?: number | null;
}
