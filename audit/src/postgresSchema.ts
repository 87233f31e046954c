import type { PoolClient } from 'pg';

/** PostgreSQL identifiers we accept for the audit schema: plain lower-case names, so quoting is never ambiguous. */
export const schemaNamePattern = /^[a-z_][a-z0-9_]{0,62}$/;

/** Namespace of our advisory locks (first key); the second key is derived from the schema name. */
export const advisoryLockNamespace = 0x1a5d;

export function quoteSchema(schema: string): string {
  if (!schemaNamePattern.test(schema)) throw new Error(`invalid audit schema name "${schema}"`);
  return `"${schema}"`;
}

/**
 * Migrations, in order; each runs once, in one transaction, recorded in `<schema>.schema_migrations`. Never edit a
 * shipped migration: add the next one. Indexes serve the auditors' questions (by client, subject, purpose, time,
 * coordinate and keyed identifier hash); `record` holds the exact canonical JSON that was hashed.
 */
const migrations: ReadonlyArray<(s: string) => string> = [
  (s) => `
    CREATE TABLE ${s}.records (
      seq bigint PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      time timestamptz NOT NULL,
      kind text NOT NULL,
      client text,
      subject text,
      agency text,
      purpose text,
      case_id text,
      operation_name text,
      outcome text,
      coordinates text[] NOT NULL DEFAULT '{}',
      keyed_hashes text[] NOT NULL DEFAULT '{}',
      prev_hash text NOT NULL,
      hash text NOT NULL,
      record text NOT NULL
    );
    CREATE INDEX records_time_idx ON ${s}.records (time);
    CREATE INDEX records_client_time_idx ON ${s}.records (client, time);
    CREATE INDEX records_subject_time_idx ON ${s}.records (subject, time);
    CREATE INDEX records_purpose_time_idx ON ${s}.records (purpose, time);
    CREATE INDEX records_keyed_hashes_idx ON ${s}.records USING gin (keyed_hashes);
    CREATE INDEX records_coordinates_idx ON ${s}.records USING gin (coordinates);
  `,
];

/** Runs pending migrations under an advisory lock, so replicas starting together migrate once. */
export async function migrate(client: PoolClient, schema: string): Promise<number> {
  const s = quoteSchema(schema);
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [
      advisoryLockNamespace,
      `migrate:${schema}`,
    ]);
    await client.query(`CREATE SCHEMA IF NOT EXISTS ${s}`);
    await client.query(
      `CREATE TABLE IF NOT EXISTS ${s}.schema_migrations (version integer PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number }>(
      `SELECT coalesce(max(version), 0) AS version FROM ${s}.schema_migrations`,
    );
    const current = rows[0]?.version ?? 0;
    for (let version = current + 1; version <= migrations.length; version += 1) {
      await client.query(migrations[version - 1]!(s));
      await client.query(`INSERT INTO ${s}.schema_migrations (version) VALUES ($1)`, [version]);
    }
    await client.query('COMMIT');
    return migrations.length - current;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/**
 * PostgreSQL text cannot hold U+0000. The stored record keeps it (escaped in JSON); the indexed columns get U+FFFD
 * instead, and verification compares through the same function, so a NUL sent by a client cannot stop delivery.
 */
export function columnText<T extends string | null>(value: T): T {
  return (value === null ? null : value.replaceAll('\u0000', '\uFFFD')) as T;
}
