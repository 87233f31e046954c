import pg from 'pg';
import type { AuditRecord, AuditRecordBody } from './auditRecord.js';
import type { AuditSink } from './auditSink.js';
import { keyedHashesOf } from './buildRecordBody.js';
import { chainBatch, emptyChainHead, type ChainHead } from './chain.js';
import { advisoryLockNamespace, columnText, migrate, quoteSchema } from './postgresSchema.js';

export interface PostgresSinkOptions {
  /** `postgres://user@host:port/db`. */
  connectionString: string;
  /** Schema holding the audit tables. Default `lgsp_audit`. */
  schema?: string;
  /** Time allowed for one statement before the connection is dropped and the batch retried. Default 10000 ms. */
  queryTimeoutMs?: number;
  /** Time allowed to open a connection. Default 5000 ms. */
  connectTimeoutMs?: number;
  /** Called with connection-level errors of idle clients (they are replaced automatically). */
  onError?: (error: Error) => void;
}

const columns =
  'seq,id,time,kind,client,subject,agency,purpose,case_id,operation_name,outcome,coordinates,keyed_hashes,prev_hash,hash,record';

/** One row as a JSON object whose keys are the column names (for json_to_recordset). */
function rowOf(record: AuditRecord, line: string): Record<string, unknown> {
  const op = record.kind === 'checkpoint' ? null : record;
  return {
    seq: record.seq,
    id: record.id,
    time: record.time,
    kind: record.kind,
    client: columnText(op?.client ?? null),
    subject: columnText(op?.subject ?? null),
    agency: columnText(op?.agency ?? null),
    purpose: columnText(op?.purpose ?? null),
    case_id: columnText(op?.caseId ?? null),
    operation_name: columnText(op?.operationName ?? null),
    outcome: op?.outcome ?? null,
    coordinates: (op?.coordinates ?? []).map(columnText),
    keyed_hashes: op ? keyedHashesOf(op) : [],
    prev_hash: record.prevHash,
    hash: record.hash,
    record: line,
  };
}

/**
 * Pool with the timeouts we rely on. Every client gets a permanent 'error' listener from birth: a backend terminated
 * or a connection cut can surface as an 'error' event at moments when neither the pool nor a query listens
 * (during startup, between a query's end and the release), and an unheard 'error' event would kill the process.
 * The failure itself still reaches the caller through the query that fails next.
 */
export function createAuditPool(options: PostgresSinkOptions): pg.Pool {
  const onError = (error: Error) => options.onError?.(error);
  class GuardedClient extends pg.Client {
    constructor(config?: string | pg.ClientConfig) {
      super(config);
      this.on('error', onError);
    }
  }
  const pool = new pg.Pool({
    Client: GuardedClient,
    connectionString: options.connectionString,
    max: 2,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    query_timeout: options.queryTimeoutMs ?? 10_000,
    idleTimeoutMillis: 30_000,
  });
  pool.on('error', onError);
  return pool;
}

/**
 * PostgreSQL sink: one table per schema, one chain per table. Every batch is one transaction that takes a
 * transaction-scoped advisory lock and reads the chain head from the table, so several gateway replicas writing
 * the same table serialize and never fork the chain (the lock is held for one short insert, not for the process
 * lifetime). Ids already present are skipped before chaining: a batch delivered twice (after a lost COMMIT
 * acknowledgement or a crash) is stored once.
 */
export function createPostgresSink(options: PostgresSinkOptions): AuditSink & { readonly pool: pg.Pool } {
  const schema = options.schema ?? 'lgsp_audit';
  const s = quoteSchema(schema);
  const pool = createAuditPool(options);
  // The batch travels as one JSON parameter: serializing it is native and fast, where 16 array parameters would
  // be escaped element by element by the driver.
  const insertSql = `INSERT INTO ${s}.records (${columns})
    SELECT ${columns} FROM json_to_recordset($1::json) AS u(seq bigint, id uuid, time timestamptz, kind text,
      client text, subject text, agency text, purpose text, case_id text, operation_name text, outcome text,
      coordinates text[], keyed_hashes text[], prev_hash text, hash text, record text)
    ON CONFLICT (id) DO NOTHING`;

  async function readHead(client: pg.PoolClient): Promise<ChainHead> {
    const { rows } = await client.query<{ seq: string; hash: string }>(
      `SELECT seq, hash FROM ${s}.records ORDER BY seq DESC LIMIT 1`,
    );
    return rows[0] ? { seq: Number(rows[0].seq), hash: rows[0].hash } : emptyChainHead;
  }

  async function withClient<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await pool.connect();
    try {
      const result = await work(client);
      client.release();
      return result;
    } catch (error) {
      // Destroy the connection: after a timeout or a cut, its state is unknown.
      client.release(error as Error);
      throw error;
    }
  }

  function inTransaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    return withClient(async (client) => {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    });
  }

  return {
    kind: 'postgres',
    pool,
    async open() {
      return withClient(async (client) => {
        await migrate(client, schema);
        return readHead(client);
      });
    },
    async write(batch) {
      if (batch.length === 0) return;
      await inTransaction(async (client) => {
        await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
          advisoryLockNamespace,
          `chain:${schema}`,
        ]);
        const head = await readHead(client);
        const { rows } = await client.query<{ id: string }>(
          `SELECT id FROM ${s}.records WHERE id = ANY($1::uuid[])`,
          [batch.map((b) => b.id)],
        );
        const present = new Set(rows.map((r) => r.id));
        const fresh = batch.filter((body) => !present.has(body.id));
        if (fresh.length === 0) return;
        const { records, lines } = chainBatch(fresh as AuditRecordBody[], head);
        const rowsOut = records.map((record, i) => rowOf(record, lines[i]!));
        const inserted = await client.query(insertSql, [JSON.stringify(rowsOut)]);
        // A shortfall means a duplicate id appeared between the check and the insert: roll back rather than leave a gap.
        if (inserted.rowCount !== fresh.length) throw new Error('audit insert conflicted; retrying batch');
      });
    },
    async planRetention(cutoff) {
      const { rows } = await pool.query<{
        first_kept: string | null;
        min_seq: string | null;
        max_seq: string | null;
      }>(
        `SELECT (SELECT min(seq) FROM ${s}.records WHERE time >= $1) AS first_kept, min(seq) AS min_seq, max(seq) AS max_seq FROM ${s}.records`,
        [cutoff],
      );
      const row = rows[0];
      if (!row || row.min_seq === null || row.max_seq === null) return null;
      const through = (row.first_kept === null ? Number(row.max_seq) + 1 : Number(row.first_kept)) - 1;
      if (through < Number(row.min_seq)) return null;
      const last = await pool.query<{ hash: string }>(`SELECT hash FROM ${s}.records WHERE seq = $1`, [
        through,
      ]);
      return {
        prunedThroughSeq: through,
        prunedThroughHash: last.rows[0]!.hash,
        records: through - Number(row.min_seq) + 1,
      };
    },
    async prune(plan) {
      const result = await pool.query(`DELETE FROM ${s}.records WHERE seq <= $1`, [plan.prunedThroughSeq]);
      return result.rowCount ?? 0;
    },
    async close() {
      await pool.end();
    },
  };
}
