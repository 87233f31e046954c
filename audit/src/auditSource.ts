import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AuditRecord } from './auditRecord.js';
import { defaultQueryLimit, matchesQuery, postgresWhere, type AuditQuery } from './auditQuery.js';
import { parseRecordLine } from './chain.js';
import { listAuditFiles } from './fileSink.js';
import { readLines } from './jsonLines.js';
import { columnText, quoteSchema } from './postgresSchema.js';
import { createAuditPool } from './postgresSink.js';

/** `tornTail`: the last line of the newest file is incomplete (a crash mid-write); the sink cuts it on restart. */
export type SourceItem = {
  record: AuditRecord | { unreadable: string; tornTail?: boolean };
  location: string;
};

/** Read access for auditors' tools: records in chain order (for verify/export) and filtered queries. */
export interface AuditSource {
  readonly description: string;
  records(range?: { fromSeq?: number; toSeq?: number }): AsyncIterable<SourceItem>;
  query(query: AuditQuery): Promise<AuditRecord[]>;
  close(): Promise<void>;
}

/** Reads a directory of audit files (or one file) written by the file sink. */
export function createFileSource(path: string): AuditSource {
  async function files(): Promise<Array<{ name: string; path: string }>> {
    const info = await stat(path);
    return info.isDirectory() ? listAuditFiles(path) : [{ name: basename(path), path }];
  }
  async function* records(range: { fromSeq?: number; toSeq?: number } = {}): AsyncGenerator<SourceItem> {
    const all = await files();
    for (const [index, file] of all.entries()) {
      for await (const { line, lineNo, torn } of readLines(file.path)) {
        const location = `${file.name}:${lineNo}`;
        if (torn) {
          const tornTail = index === all.length - 1;
          yield { record: { unreadable: 'torn line (incomplete write)', tornTail }, location };
          continue;
        }
        let record: AuditRecord;
        try {
          record = parseRecordLine(line);
        } catch (error) {
          yield { record: { unreadable: (error as Error).message }, location };
          continue;
        }
        if (range.fromSeq !== undefined && record.seq < range.fromSeq) continue;
        if (range.toSeq !== undefined && record.seq > range.toSeq) return;
        yield { record, location };
      }
    }
  }
  return {
    description: `file ${path}`,
    records,
    async query(query) {
      const limit = query.limit ?? defaultQueryLimit;
      const found: AuditRecord[] = [];
      for await (const { record } of records()) {
        if ('unreadable' in record || !matchesQuery(record, query)) continue;
        found.push(record);
        if (found.length >= limit) break;
      }
      return found;
    },
    async close() {},
  };
}

interface Row {
  seq: string;
  id: string;
  kind: string;
  client: string | null;
  subject: string | null;
  purpose: string | null;
  outcome: string | null;
  hash: string;
  record: string;
}

/** The indexed columns must say what the hashed record says: a row edited only in its columns would mislead queries. */
function columnMismatch(row: Row, record: AuditRecord): string | null {
  const op = record.kind === 'checkpoint' ? null : record;
  const pairs: Array<[string, unknown, unknown]> = [
    ['seq', Number(row.seq), record.seq],
    ['id', row.id, record.id],
    ['kind', row.kind, record.kind],
    ['hash', row.hash, record.hash],
    ['client', row.client, columnText(op?.client ?? null)],
    ['subject', row.subject, columnText(op?.subject ?? null)],
    ['purpose', row.purpose, columnText(op?.purpose ?? null)],
    ['outcome', row.outcome, op?.outcome ?? null],
  ];
  const differing = pairs.filter(([, a, b]) => a !== b).map(([name]) => name);
  return differing.length > 0
    ? `row columns (${differing.join(', ')}) differ from the hashed record (row edited)`
    : null;
}

/** Reads the PostgreSQL table written by the PostgreSQL sink. */
export function createPostgresSource(options: {
  connectionString: string;
  schema?: string;
  pageSize?: number;
}): AuditSource {
  const s = quoteSchema(options.schema ?? 'lgsp_audit');
  const pageSize = options.pageSize ?? 2000;
  // Auditors' reads may scan a large table: a generous statement timeout.
  const pool = createAuditPool({ connectionString: options.connectionString, queryTimeoutMs: 300_000 });
  const select = `SELECT seq, id, kind, client, subject, purpose, outcome, hash, record FROM ${s}.records`;

  return {
    description: `postgres schema ${options.schema ?? 'lgsp_audit'}`,
    async *records(range = {}) {
      let after = (range.fromSeq ?? 1) - 1;
      for (;;) {
        const upper = range.toSeq ?? Number.MAX_SAFE_INTEGER;
        const { rows } = await pool.query<Row>(
          `${select} WHERE seq > $1 AND seq <= $2 ORDER BY seq LIMIT $3`,
          [after, upper, pageSize],
        );
        for (const row of rows) {
          const location = `table row seq ${row.seq}`;
          let record: AuditRecord;
          try {
            record = parseRecordLine(row.record);
          } catch (error) {
            yield { record: { unreadable: (error as Error).message }, location };
            continue;
          }
          const mismatch = columnMismatch(row, record);
          yield mismatch ? { record: { unreadable: mismatch }, location } : { record, location };
        }
        if (rows.length < pageSize) return;
        after = Number(rows.at(-1)!.seq);
      }
    },
    async query(query) {
      const { where, params } = postgresWhere(query);
      params.push(query.limit ?? defaultQueryLimit);
      const { rows } = await pool.query<Row>(
        `${select} ${where} ORDER BY seq LIMIT $${params.length}`,
        params,
      );
      return rows.map((row) => parseRecordLine(row.record));
    },
    async close() {
      await pool.end();
    },
  };
}
