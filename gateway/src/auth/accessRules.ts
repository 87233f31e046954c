import type { AuthClause } from './authRequirements.js';
import { scopesOf, type Principal } from './principal.js';

/** Decree 194/2025/ND-CP Art. 16: a refusal to share data must state its reason and legal basis. */
export const DECREE_194_ART_16 =
  'Nghị định 194/2025/NĐ-CP, Điều 16: dữ liệu dùng chung được chia sẻ theo quyền đã được cấp; từ chối phải nêu rõ lý do và căn cứ pháp lý';
/** Personal Data Protection Law: personal data is processed only for a specific, stated purpose. */
export const PDPL_91_2025 =
  'Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15: dữ liệu cá nhân chỉ được xử lý khi có quyền và mục đích cụ thể, hợp pháp';

/** The scope that unlocks personal data (with an allowed purpose). */
export const PII_SCOPE = 'pii:read';

/** A request's access context: who calls, and the purpose it declared (already checked by `resolvePurpose`). */
export interface AccessContext {
  principal: Principal;
  /** A purpose code the principal's registry entry allows; absent when none was declared. */
  purpose?: string;
  /** The case the request serves (`X-Case-Id`), for the audit trail. */
  caseId?: string;
}

export interface RuleText {
  reason: string;
  legalBasis: string;
}

export interface AccessRulesOptions {
  /** Reason and legal basis per scope, overriding the defaults. Default: none. */
  scopes?: Record<string, Partial<RuleText>>;
  /** Reason and legal basis per policy name, overriding the defaults. Default: none. */
  policies?: Record<string, Partial<RuleText>>;
  /**
   * Decides one policy. Default: {@link defaultPolicy} (a purpose code is met by that declared purpose,
   * `agency:<code>` by that agency).
   */
  evaluatePolicy?: (policy: string, context: AccessContext) => boolean;
  /** Legal basis of refusals without a specific one. Default: {@link DECREE_194_ART_16}. */
  defaultLegalBasis?: string;
  /** Legal basis of refusals that involve personal data. Default: {@link PDPL_91_2025}. */
  personalDataLegalBasis?: string;
}

/** Why a selection is refused: `UNAUTHENTICATED` for anonymous callers, `FORBIDDEN` otherwise. */
export interface Denial {
  code: 'UNAUTHENTICATED' | 'FORBIDDEN';
  /** The schema coordinate whose rule failed (`Incident.plate`, or a type name). */
  coordinate: string;
  reason: string;
  legalBasis: string;
}

export interface AccessRules {
  /** The first failing clause as a denial, or undefined when all hold. */
  check(clauses: readonly AuthClause[], context: AccessContext): Denial | undefined;
  /** Whether personal data may be returned unmasked in this context. */
  canUnmask(context: AccessContext): boolean;
  /** A denial not tied to a directive (introspection closed, `_entities`, an unknown purpose). */
  deny(coordinate: string, reason: string, legalBasis?: string): Denial;
}

/** Default policy semantics: a policy named like a purpose code is met when that purpose was declared. */
export function defaultPolicy(policy: string, context: AccessContext): boolean {
  if (context.principal.kind !== 'client') return false;
  if (policy.startsWith('agency:')) return context.principal.agency.code === policy.slice('agency:'.length);
  return context.purpose === policy;
}

function describe(anyOf: string[][], noun: string): string {
  return anyOf.length === 1
    ? `requires ${noun} ${anyOf[0]!.join(' and ')}`
    : `requires one of: ${anyOf.map((all) => all.join(' and ')).join('; ')} (${noun})`;
}

/** Builds the evaluator of the Federation auth directives, with per-rule refusal texts. */
export function createAccessRules(options: AccessRulesOptions = {}): AccessRules {
  const evaluatePolicy = options.evaluatePolicy ?? defaultPolicy;
  const defaultBasis = options.defaultLegalBasis ?? DECREE_194_ART_16;
  const personalBasis = options.personalDataLegalBasis ?? PDPL_91_2025;

  const textFor = (anyOf: string[][], table: Record<string, Partial<RuleText>> | undefined, noun: string) => {
    const names = anyOf.flat();
    const configured = names.map((name) => table?.[name]).find((text) => text !== undefined);
    return {
      reason: configured?.reason ?? describe(anyOf, noun),
      legalBasis: configured?.legalBasis ?? (names.includes(PII_SCOPE) ? personalBasis : defaultBasis),
    };
  };

  const failing = (clause: AuthClause, context: AccessContext): RuleText | undefined => {
    const { principal } = context;
    switch (clause.kind) {
      case 'authenticated':
        return principal.kind === 'client'
          ? undefined
          : { reason: 'requires an authenticated client', legalBasis: defaultBasis };
      case 'scopes': {
        const held = scopesOf(principal);
        if (clause.anyOf.some((all) => all.every((scope) => held.has(scope)))) return undefined;
        return textFor(clause.anyOf, options.scopes, 'scope');
      }
      case 'policies': {
        if (clause.anyOf.some((all) => all.every((policy) => evaluatePolicy(policy, context))))
          return undefined;
        return textFor(clause.anyOf, options.policies, 'policy');
      }
    }
  };

  return {
    check(clauses, context) {
      for (const clause of clauses) {
        const text = failing(clause, context);
        if (text === undefined) continue;
        const code = context.principal.kind === 'client' ? 'FORBIDDEN' : 'UNAUTHENTICATED';
        return { code, coordinate: clause.source, ...text };
      }
      return undefined;
    },
    canUnmask({ principal, purpose }) {
      return (
        principal.kind === 'client' &&
        principal.personalData &&
        principal.scopes.has(PII_SCOPE) &&
        purpose !== undefined &&
        principal.purposesAllowed.includes(purpose)
      );
    },
    deny: (coordinate, reason, legalBasis = defaultBasis) => ({
      code: 'FORBIDDEN',
      coordinate,
      reason,
      legalBasis,
    }),
  };
}
