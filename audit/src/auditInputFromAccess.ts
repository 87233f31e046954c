import type { AuditEventInput, AuditOperationType } from './auditRecord.js';
import { outcomeOf } from './outcomeOf.js';

/** A refusal as the gateway's auth plugins record it (structurally the gateway's `Refusal`). */
export interface AccessRefusal {
  code: string;
  reason: string;
  legalBasis?: string;
  coordinate?: string;
}

/**
 * What the gateway's auth plugins decided about a request: structurally the gateway's `AccessRecord`
 * (gateway/src/accessRecord.ts), restated here because the audit package cannot depend on the gateway.
 */
export interface AccessFacts {
  state: 'unauthenticated' | 'authenticated';
  principal?:
    { kind: 'client'; clientId: string; subject: string; agency: { code: string } } | { kind: 'anonymous' };
  purpose?: string;
  caseId?: string;
  operations: ReadonlyArray<{
    operationName?: string;
    decision: 'allow' | 'remove' | 'refuse';
    coordinates: readonly string[];
    personalData: readonly string[];
    masked: readonly string[];
    refusals: readonly AccessRefusal[];
  }>;
  refusals: readonly AccessRefusal[];
}

/** What only the executing plugin knows about one operation. */
export interface ExecutionFacts {
  requestId: string;
  /** Which entry of `access.operations` (a batched request has several); default 0. */
  operationIndex?: number;
  operationName?: string | null;
  operationType?: AuditOperationType | null;
  /** Normalized document text, or its hash (`documentHash`) when trusted documents are used. */
  document?: string | null;
  documentHash?: string | null;
  variables?: Record<string, unknown> | null;
  /** Dotted paths of variables bound to `@personalData` arguments. */
  personalVariables?: readonly string[];
  /** Keys of personal-data entities in the response, in clear (hashed by the trail). */
  personalEntityKeys?: ReadonlyArray<{ kind: string; value: string | number }>;
  /** `extensions.code` of every error in the response. */
  errorCodes?: Iterable<string>;
  durationMs?: number;
  subgraphs?: Iterable<string>;
  /** The response body sent. */
  response?: string | Uint8Array | null;
  /** Request start; default: now. */
  time?: Date | number;
}

/**
 * Builds the audit input for one operation from the auth decisions and the execution facts: the gateway plugin's
 * whole mapping. A request refused before any operation was authorized (bad token, unknown purpose) gives one
 * record with the request-level refusals.
 */
export function auditInputFromAccess(
  access: AccessFacts | undefined,
  facts: ExecutionFacts,
): AuditEventInput {
  const operation = access?.operations[facts.operationIndex ?? 0];
  const principal = access?.principal?.kind === 'client' ? access.principal : undefined;
  const refusals = [...(access?.refusals ?? []), ...(operation?.refusals ?? [])].map((r) => ({
    code: r.code,
    coordinate: r.coordinate ?? null,
    reason: r.reason,
    legalBasis: r.legalBasis ?? null,
  }));
  const errorCodes = [...(facts.errorCodes ?? [])];
  const maskedCoordinates = operation?.masked ?? [];
  return {
    ...(facts.time === undefined ? {} : { time: facts.time }),
    requestId: facts.requestId,
    client: principal?.clientId ?? null,
    subject: principal?.subject ?? null,
    agency: principal?.agency.code ?? null,
    purpose: access?.purpose ?? null,
    caseId: access?.caseId ?? null,
    operationName: facts.operationName ?? operation?.operationName ?? null,
    operationType: facts.operationType ?? null,
    document: facts.document ?? null,
    documentHash: facts.documentHash ?? null,
    variables: facts.variables ?? null,
    personalVariables: facts.personalVariables ?? [],
    coordinates: operation?.coordinates ?? [],
    personalCoordinates: operation?.personalData ?? [],
    maskedCoordinates,
    personalEntityKeys: facts.personalEntityKeys ?? [],
    outcome: outcomeOf({ errorCodes, refusals, maskedCoordinates }),
    errorCodes,
    refusals,
    durationMs: facts.durationMs ?? null,
    subgraphs: facts.subgraphs ?? [],
    response: facts.response ?? null,
  };
}

/** Whether an authorized operation reads personal data, i.e. is subject to the fail-closed rule. */
export function readsPersonalData(access: AccessFacts | undefined, operationIndex = 0): boolean {
  return (access?.operations[operationIndex]?.personalData.length ?? 0) > 0;
}
