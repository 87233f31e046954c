import { ErrorCode } from '@lgsp/schema';
import type { AuditOutcome } from './auditRecord.js';

/** Codes that mean the hub said no (as opposed to something failing): they make the outcome `refused`. */
export const refusalErrorCodes: ReadonlySet<string> = new Set([
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.RATE_LIMITED,
  ErrorCode.AUDIT_UNAVAILABLE,
  ErrorCode.PERSISTED_QUERY_NOT_FOUND,
]);

/**
 * The outcome of an operation from what the gateway saw: any refusal wins (the law asks refusals to be provable),
 * then any other error (`failed`, also for partial results), then masking, else `allowed`.
 */
export function outcomeOf(facts: {
  errorCodes?: Iterable<string>;
  refusals?: readonly unknown[];
  maskedCoordinates?: Iterable<string>;
}): AuditOutcome {
  const codes = [...(facts.errorCodes ?? [])];
  if ((facts.refusals?.length ?? 0) > 0 || codes.some((code) => refusalErrorCodes.has(code)))
    return 'refused';
  if (codes.length > 0) return 'failed';
  if ([...(facts.maskedCoordinates ?? [])].length > 0) return 'masked';
  return 'allowed';
}
