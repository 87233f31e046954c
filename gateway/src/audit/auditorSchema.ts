import {
  verifySource,
  type AuditOutcome,
  type AuditQuery,
  type AuditRecord,
  type AuditSource,
  type KeyedHasher,
} from '@lgsp/audit';
import { ErrorCode } from '@lgsp/schema';
import { GraphQLError } from 'graphql';
import { createSchema } from 'graphql-yoga';

const typeDefs = /* GraphQL */ `
  schema {
    query: AuditQuery
  }

  "Read access to the data-access audit trail (docs/audit.md), for principals with the audit:read scope."
  type AuditQuery {
    "Records matching every given criterion, oldest first (at most limit, 1 to 1000)."
    auditRecords(filter: AuditRecordFilter, limit: Int = 100): [AuditRecord!]!
    "Verifies the whole hash chain now (reads every record: slow on a large trail)."
    auditChain: AuditChainStatus!
  }

  input AuditRecordFilter {
    "OAuth2 client (azp)."
    client: String
    subject: String
    "Agency code."
    agency: String
    purpose: String
    outcome: AuditOutcome
    "A schema coordinate that was read, e.g. VaccinationRecord.cccd."
    coordinate: String
    "A citizen identifier (CCCD, plate, phone) in clear: hashed with the audit key, never stored in clear."
    citizenIdentifier: String
    "Inclusive lower bound, ISO 8601."
    from: String
    "Exclusive upper bound, ISO 8601."
    to: String
  }

  enum AuditOutcome {
    ALLOWED
    MASKED
    REFUSED
    FAILED
  }

  type AuditRefusal {
    code: String!
    coordinate: String
    reason: String!
    legalBasis: String
  }

  "A personal-data entity key, as the keyed hash stored in the record."
  type AuditEntityKey {
    kind: String!
    key: String!
  }

  type AuditRecord {
    seq: Int!
    id: ID!
    time: String!
    kind: String!
    requestId: String
    client: String
    subject: String
    agency: String
    purpose: String
    caseId: String
    operationName: String
    operationType: String
    documentHash: String
    coordinates: [String!]!
    personalCoordinates: [String!]!
    maskedCoordinates: [String!]!
    entityKeys: [AuditEntityKey!]!
    outcome: AuditOutcome!
    errorCodes: [String!]!
    refusals: [AuditRefusal!]!
    durationMs: Float
    subgraphs: [String!]!
    responseHash: String
    prevHash: String!
    hash: String!
  }

  type AuditChainBreak {
    seq: Int!
    location: String!
    reason: String!
  }

  type AuditChainStatus {
    ok: Boolean!
    records: Int!
    firstSeq: Int
    headSeq: Int
    headHash: String
    prunedThroughSeq: Int
    break: AuditChainBreak
    "Where an incomplete last line (a crash mid-write) was skipped: not a break."
    tornTail: String
  }
`;

/** What the resolvers need; `identifiers` collects the citizen identifiers asked about (for the auditor's own record). */
export interface AuditorContext {
  source: AuditSource;
  hasher: KeyedHasher;
  identifiers: string[];
}

interface FilterInput {
  client?: string | null;
  subject?: string | null;
  agency?: string | null;
  purpose?: string | null;
  outcome?: string | null;
  coordinate?: string | null;
  citizenIdentifier?: string | null;
  from?: string | null;
  to?: string | null;
}

function dateOf(value: string | null | undefined, name: string): Date | undefined {
  if (value === null || value === undefined) return undefined;
  const date = new Date(value);
  if (Number.isNaN(date.getTime()))
    throw new GraphQLError(`${name} is not an ISO 8601 date`, {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  return date;
}

function queryOf(filter: FilterInput, limit: number, context: AuditorContext): AuditQuery {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000)
    throw new GraphQLError('limit must be between 1 and 1000', {
      extensions: { code: ErrorCode.BAD_USER_INPUT },
    });
  const query: AuditQuery = { limit };
  for (const key of ['client', 'subject', 'agency', 'purpose', 'coordinate'] as const) {
    const value = filter[key];
    if (value !== null && value !== undefined) query[key] = value;
  }
  if (filter.outcome) query.outcome = filter.outcome.toLowerCase() as AuditOutcome;
  if (filter.citizenIdentifier) {
    context.identifiers.push(filter.citizenIdentifier);
    query.keyedHash = context.hasher.hash(filter.citizenIdentifier);
  }
  const from = dateOf(filter.from, 'from');
  const to = dateOf(filter.to, 'to');
  if (from) query.from = from;
  if (to) query.to = to;
  return query;
}

/** The auditors' schema: records by client, purpose, time, coordinate, citizen identifier; chain verification. */
export function createAuditorSchema() {
  return createSchema<AuditorContext>({
    typeDefs,
    resolvers: {
      AuditQuery: {
        async auditRecords(_: unknown, args: { filter?: FilterInput | null; limit: number }, context) {
          return context.source.query(queryOf(args.filter ?? {}, args.limit, context));
        },
        async auditChain(_: unknown, __: unknown, context) {
          const result = await verifySource(context.source);
          return {
            ...result,
            headSeq: result.head?.seq ?? null,
            headHash: result.head?.hash ?? null,
            tornTail: result.tornTail ?? null,
          };
        },
      },
      AuditRecord: {
        outcome: (record: AuditRecord) => ('outcome' in record ? record.outcome.toUpperCase() : 'ALLOWED'),
      },
    },
  });
}
