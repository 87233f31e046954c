import type { AccessContext } from './auth/accessRules.js';
import type { Principal } from './auth/principal.js';

/**
 * What the auth plugins decided about one request, for the audit plugin (DESIGN.md §4) and the logs. Filled as the
 * request goes: authentication first, then one entry per GraphQL operation (a batched request has several).
 * Read it with {@link getAccessRecord}; never written by anything but the auth plugins.
 */
export interface AccessRecord {
  /** `unauthenticated`: no valid credentials (see `refusals`); `authenticated`: a principal (possibly anonymous). */
  state: 'unauthenticated' | 'authenticated';
  /** The verified caller; absent when authentication failed. */
  principal?: Principal;
  /** The declared, allowed purpose (`X-Purpose`). */
  purpose?: string;
  /** The case the request serves (`X-Case-Id`). */
  caseId?: string;
  /** One entry per operation, in the order they were authorized. */
  operations: OperationAccess[];
  /** Refusals of the request itself (bad token, unknown purpose): code, reason, legal basis. */
  refusals: Refusal[];
}

export interface Refusal {
  code: string;
  reason: string;
  legalBasis?: string;
  /** Schema coordinate refused (`Query.incidents`), or `X-Purpose`. */
  coordinate?: string;
  /** Where the field would have been in the response. */
  path?: readonly (string | number)[];
}

export interface OperationAccess {
  operationName?: string;
  /** `allow`: ran as asked; `remove`: ran without the refused fields; `refuse`: not run at all. */
  decision: 'allow' | 'remove' | 'refuse';
  /** Schema coordinates read (`Type.field`), refused ones excluded. */
  coordinates: string[];
  /** The subset of `coordinates` that are personal data. */
  personalData: string[];
  /** Personal-data coordinates whose values were masked in the response (filled after execution). */
  masked: string[];
  /** One per refused field. */
  refusals: Refusal[];
}

const records = new WeakMap<Request, AccessRecord>();
const contexts = new WeakMap<Request, AccessContext>();

/** The access record of a request, once authentication ran (undefined with `auth.mode: off` or before it ran). */
export function getAccessRecord(request: Request): AccessRecord | undefined {
  return records.get(request);
}

/** @internal Written by useAuthentication: the record, and the access context when authentication succeeded. */
export function startAccessRecord(request: Request, record: AccessRecord, context?: AccessContext): void {
  records.set(request, record);
  if (context !== undefined) contexts.set(request, context);
}

/** @internal The access context of an authenticated request (undefined when it was refused or never checked). */
export function accessContextOf(request: Request): AccessContext | undefined {
  return contexts.get(request);
}

/** The client-visible parts of a refusal error, for the record (never a token or a value). */
export function refusalOf(error: {
  extensions: Record<string, unknown>;
  path?: readonly (string | number)[];
}) {
  const { code, reason, legalBasis, coordinate } = error.extensions as Record<string, string | undefined>;
  return {
    code: code ?? 'FORBIDDEN',
    reason: reason ?? '',
    ...(legalBasis === undefined ? {} : { legalBasis }),
    ...(coordinate === undefined ? {} : { coordinate }),
    ...(error.path === undefined ? {} : { path: error.path }),
  };
}
