import { readFile, writeFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { auditOutcomes, type AuditOutcome } from './auditRecord.js';
import type { AuditQuery } from './auditQuery.js';
import { createFileSource, createPostgresSource, type AuditSource } from './auditSource.js';
import { exportRange, verifyExport, verifySource, type AuditExport } from './auditTools.js';
import type { VerifyResult } from './chainVerifier.js';
import { createKeyedHasher, decodeKey } from './keyedHasher.js';
import { join } from 'node:path';
import { stat } from 'node:fs/promises';

/** Exit codes: stable, for scripts and cron jobs. */
export const ExitCode = { OK: 0, CHAIN_BROKEN: 1, USAGE: 2, FAILURE: 3 } as const;

export interface CliIo {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Environment (only LGSP_AUDIT_* is read). */
  env: Record<string, string | undefined>;
}

export const usage = `usage: lgsp-audit <command> [options]

Commands:
  verify   check the hash chain; reports the first broken link
  query    print matching records as JSON lines, oldest first
  export   write a time range as one self-verifying JSON document
  hash     print the keyed hash of a citizen identifier

Source (one of):
  --file <dir|file>        audit files written by the file sink
  --pg <url>               PostgreSQL (or env LGSP_AUDIT_PG_URL)   --schema <name>  default lgsp_audit
  --export <file>          (verify only) an export document

verify:  [--expect-head <seq>:<hash>]  also require a record noted earlier
query:   [--client C] [--subject S] [--agency A] [--purpose P] [--outcome allowed|masked|refused|failed]
         [--coordinate Type.field] [--citizen <identifier>] [--from ISO] [--to ISO] [--limit N]
         [--include-checkpoints]
export:  --from ISO --to ISO [--out <file>]
Key for --citizen and hash: --key-file <file>, env LGSP_AUDIT_HMAC_KEY, or <dir>/hmac.key of --file.

Exit codes: 0 ok, 1 chain broken, 2 usage error, 3 could not read the source.`;

class UsageError extends Error {}

const options = {
  file: { type: 'string' },
  pg: { type: 'string' },
  schema: { type: 'string' },
  export: { type: 'string' },
  'expect-head': { type: 'string' },
  client: { type: 'string' },
  subject: { type: 'string' },
  agency: { type: 'string' },
  purpose: { type: 'string' },
  outcome: { type: 'string' },
  coordinate: { type: 'string' },
  citizen: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  limit: { type: 'string' },
  'include-checkpoints': { type: 'boolean' },
  out: { type: 'string' },
  'key-file': { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function date(value: string | undefined, name: string): Date | undefined {
  if (value === undefined) return undefined;
  const parsed = new Date(value);
  if (Number.isNaN(parsed.getTime())) throw new UsageError(`--${name}: not a date: ${value}`);
  return parsed;
}

function openSource(values: Values, env: CliIo['env']): AuditSource {
  const pgUrl = values.pg ?? (values.file ? undefined : env.LGSP_AUDIT_PG_URL);
  if (values.file && pgUrl) throw new UsageError('give either --file or --pg, not both');
  if (values.file) return createFileSource(values.file);
  if (pgUrl)
    return createPostgresSource({
      connectionString: pgUrl,
      ...(values.schema ? { schema: values.schema } : {}),
    });
  throw new UsageError('no source: give --file <dir|file> or --pg <url>');
}

async function loadKey(values: Values, env: CliIo['env']): Promise<Uint8Array> {
  if (values['key-file']) return decodeKey(await readFile(values['key-file'], 'utf8'));
  if (env.LGSP_AUDIT_HMAC_KEY) return decodeKey(env.LGSP_AUDIT_HMAC_KEY);
  if (values.file) {
    const dir = (await stat(values.file)).isDirectory() ? values.file : join(values.file, '..');
    try {
      return decodeKey(await readFile(join(dir, 'hmac.key'), 'utf8'));
    } catch {
      // fall through to the usage error
    }
  }
  throw new UsageError('no audit key: give --key-file <file> or set LGSP_AUDIT_HMAC_KEY');
}

function describe(result: VerifyResult): string {
  if (result.ok) {
    const pruned = result.prunedThroughSeq
      ? `, records 1..${result.prunedThroughSeq} removed by retention (checkpoint verified)`
      : '';
    const head = result.head ? `head seq ${result.head.seq} hash ${result.head.hash}` : 'empty chain';
    const torn = result.tornTail
      ? `\nnote: incomplete last line at ${result.tornTail} skipped (crash mid-write; cut at next start)`
      : '';
    return `chain OK: ${result.records} records, ${head}${pruned}${torn}`;
  }
  const b = result.break!;
  return `chain BROKEN at seq ${b.seq} (${b.location}): ${b.reason}\nverified before the break: ${result.head ? `up to seq ${result.head.seq}` : 'nothing'}`;
}

async function verify(values: Values, io: CliIo): Promise<number> {
  let result: VerifyResult;
  if (values.export) {
    result = verifyExport(JSON.parse(await readFile(values.export, 'utf8')) as AuditExport);
  } else {
    let expectHead: { seq: number; hash: string } | undefined;
    if (values['expect-head']) {
      const match = /^(\d+):([0-9a-f]{64})$/.exec(values['expect-head']);
      if (!match) throw new UsageError('--expect-head: expected <seq>:<64 hex hash>');
      expectHead = { seq: Number(match[1]), hash: match[2]! };
    }
    const source = openSource(values, io.env);
    try {
      result = await verifySource(source, expectHead ? { expectHead } : {});
    } finally {
      await source.close();
    }
  }
  io.out(values.json ? JSON.stringify(result) : describe(result));
  return result.ok ? ExitCode.OK : ExitCode.CHAIN_BROKEN;
}

async function query(values: Values, io: CliIo): Promise<number> {
  if (values.outcome !== undefined && !auditOutcomes.includes(values.outcome as AuditOutcome))
    throw new UsageError(`--outcome: one of ${auditOutcomes.join(', ')}`);
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0))
    throw new UsageError('--limit: a positive integer');
  const q: AuditQuery = {
    ...(values.client !== undefined && { client: values.client }),
    ...(values.subject !== undefined && { subject: values.subject }),
    ...(values.agency !== undefined && { agency: values.agency }),
    ...(values.purpose !== undefined && { purpose: values.purpose }),
    ...(values.outcome !== undefined && { outcome: values.outcome as AuditOutcome }),
    ...(values.coordinate !== undefined && { coordinate: values.coordinate }),
    ...(values.from !== undefined && { from: date(values.from, 'from')! }),
    ...(values.to !== undefined && { to: date(values.to, 'to')! }),
    ...(limit !== undefined && { limit }),
    ...(values['include-checkpoints'] && { includeCheckpoints: true }),
  };
  if (values.citizen !== undefined)
    q.keyedHash = createKeyedHasher(await loadKey(values, io.env)).hash(values.citizen);
  const source = openSource(values, io.env);
  try {
    for (const record of await source.query(q)) io.out(JSON.stringify(record));
  } finally {
    await source.close();
  }
  return ExitCode.OK;
}

async function exportCommand(values: Values, io: CliIo): Promise<number> {
  const from = date(values.from, 'from');
  const to = date(values.to, 'to');
  if (!from || !to) throw new UsageError('export needs --from and --to');
  const source = openSource(values, io.env);
  let doc: AuditExport;
  try {
    doc = await exportRange(source, { from, to });
  } finally {
    await source.close();
  }
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  if (values.out) {
    await writeFile(values.out, text);
    io.err(
      `exported ${doc.records.length} records (seq ${doc.proof.firstSeq ?? '-'}..${doc.proof.lastSeq ?? '-'}) to ${values.out}`,
    );
  } else io.out(text.trimEnd());
  if (!doc.proof.chainVerified)
    io.err(
      `warning: the chain does not verify: seq ${doc.proof.chainBreak?.seq}: ${doc.proof.chainBreak?.reason}`,
    );
  return doc.proof.chainVerified ? ExitCode.OK : ExitCode.CHAIN_BROKEN;
}

/** Runs one command; returns the exit code. Never calls process.exit (tests call this directly). */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options,
      allowPositionals: true,
      strict: true,
    });
    const [command, ...rest] = positionals;
    if (values.help || command === undefined) {
      io.out(usage);
      return values.help ? ExitCode.OK : ExitCode.USAGE;
    }
    if (command === 'verify') return await verify(values, io);
    if (command === 'query') return await query(values, io);
    if (command === 'export') return await exportCommand(values, io);
    if (command === 'hash') {
      if (rest.length !== 1) throw new UsageError('hash takes one identifier');
      io.out(createKeyedHasher(await loadKey(values, io.env)).hash(rest[0]!));
      return ExitCode.OK;
    }
    throw new UsageError(`unknown command "${command}"`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`lgsp-audit: ${(error as Error).message}\n\n${usage}`);
      return ExitCode.USAGE;
    }
    io.err(`lgsp-audit: ${(error as Error).message}`);
    return ExitCode.FAILURE;
  }
}
