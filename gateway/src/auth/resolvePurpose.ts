import { PDPL_91_2025, type Denial } from './accessRules.js';
import type { PartnerRegistry } from './partnerRegistry.js';
import type { Principal } from './principal.js';

export const PURPOSE_HEADER = 'x-purpose';
export const CASE_ID_HEADER = 'x-case-id';

const PURPOSE_PATTERN = /^[A-Z][A-Z0-9_]{0,63}$/;
/** Case ids go to the audit trail and subgraph headers: a conservative alphabet keeps them safe in both. */
const CASE_ID_PATTERN = /^[\p{L}\p{N}._:/-]{1,128}$/u;

export type PurposeResult = { ok: true; purpose?: string; caseId?: string } | { ok: false; denial: Denial };

function refuse(reason: string, legalBasis = PDPL_91_2025): PurposeResult {
  return { ok: false, denial: { code: 'FORBIDDEN', coordinate: 'X-Purpose', reason, legalBasis } };
}

/**
 * Reads `X-Purpose` and `X-Case-Id` and checks the purpose against the registry: a purpose the hub does not know, or
 * one this client may not declare, refuses the request (with the reason), rather than silently masking.
 */
export function resolvePurpose(
  principal: Principal,
  headers: Headers,
  registry: PartnerRegistry,
): PurposeResult {
  const purpose = headers.get(PURPOSE_HEADER)?.trim() || undefined;
  const caseId = headers.get(CASE_ID_HEADER)?.trim() || undefined;
  if (caseId !== undefined && !CASE_ID_PATTERN.test(caseId)) {
    return refuse('X-Case-Id must be 1 to 128 letters, digits or . _ : / -');
  }
  if (purpose === undefined) return { ok: true, ...(caseId === undefined ? {} : { caseId }) };
  if (!PURPOSE_PATTERN.test(purpose) || !Object.hasOwn(registry.purposes, purpose)) {
    return refuse(`unknown purpose; known purposes: ${Object.keys(registry.purposes).join(', ')}`);
  }
  if (principal.kind !== 'client' || !principal.purposesAllowed.includes(purpose)) {
    return refuse(
      `purpose ${purpose} (${registry.purposes[purpose]!.description}) is not granted to this client`,
    );
  }
  return { ok: true, purpose, ...(caseId === undefined ? {} : { caseId }) };
}
