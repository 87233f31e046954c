import type { AuditOutcome, AuditRecord } from './auditRecord.js';
import { keyedHashesOf } from './buildRecordBody.js';

/** What auditors ask. Every given criterion must match (AND). */
export interface AuditQuery {
  client?: string;
  subject?: string;
  agency?: string;
  purpose?: string;
  outcome?: AuditOutcome;
  /** A schema coordinate that was read (`Citizen.cccd`). */
  coordinate?: string;
  /** Keyed hash of a citizen identifier (see KeyedHasher): matches hashed variables and returned entity keys. */
  keyedHash?: string;
  /** Inclusive lower bound on `time`. */
  from?: Date;
  /** Exclusive upper bound on `time`. */
  to?: Date;
  /** Include checkpoint records. Default false. */
  includeCheckpoints?: boolean;
  /** Most records returned, oldest first. Default 1000. */
  limit?: number;
}

export const defaultQueryLimit = 1000;

export function matchesQuery(record: AuditRecord, query: AuditQuery): boolean {
  const time = Date.parse(record.time);
  if (query.from && time < query.from.getTime()) return false;
  if (query.to && time >= query.to.getTime()) return false;
  if (record.kind === 'checkpoint') {
    const anyOperationCriterion = [
      query.client,
      query.subject,
      query.agency,
      query.purpose,
      query.outcome,
      query.coordinate,
      query.keyedHash,
    ].some((v) => v !== undefined);
    return (query.includeCheckpoints ?? false) && !anyOperationCriterion;
  }
  if (query.client !== undefined && record.client !== query.client) return false;
  if (query.subject !== undefined && record.subject !== query.subject) return false;
  if (query.agency !== undefined && record.agency !== query.agency) return false;
  if (query.purpose !== undefined && record.purpose !== query.purpose) return false;
  if (query.outcome !== undefined && record.outcome !== query.outcome) return false;
  if (query.coordinate !== undefined && !record.coordinates.includes(query.coordinate)) return false;
  if (query.keyedHash !== undefined && !keyedHashesOf(record).includes(query.keyedHash)) return false;
  return true;
}

/** SQL WHERE clause and parameters for the PostgreSQL table (column names of postgresSchema.ts). */
export function postgresWhere(query: AuditQuery): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    params.push(value);
    clauses.push(sql.replace('?', `$${params.length}`));
  };
  if (query.from) add('time >= ?', query.from);
  if (query.to) add('time < ?', query.to);
  if (query.client !== undefined) add('client = ?', query.client);
  if (query.subject !== undefined) add('subject = ?', query.subject);
  if (query.agency !== undefined) add('agency = ?', query.agency);
  if (query.purpose !== undefined) add('purpose = ?', query.purpose);
  if (query.outcome !== undefined) add('outcome = ?', query.outcome);
  if (query.coordinate !== undefined) add('coordinates @> ARRAY[?]::text[]', query.coordinate);
  if (query.keyedHash !== undefined) add('keyed_hashes @> ARRAY[?]::text[]', query.keyedHash);
  const operationCriteria = clauses.length - (query.from ? 1 : 0) - (query.to ? 1 : 0) > 0;
  if (!(query.includeCheckpoints ?? false) || operationCriteria) clauses.push(`kind <> 'checkpoint'`);
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
