import {
  auditInputFromAccess,
  type AccessFacts,
  type AuditSource,
  type AuditTrailApi,
  type KeyedHasher,
} from '@lgsp/audit';
import { ErrorCode } from '@lgsp/schema';
import { createYoga } from 'graphql-yoga';
import type { Logger } from 'pino';
import { DECREE_194_ART_16 } from '../auth/accessRules.js';
import type { AuthService } from '../auth/createAuthService.js';
import { scopesOf } from '../auth/principal.js';
import { createAuditorSchema, type AuditorContext } from '../audit/auditorSchema.js';
import type { GatewayPlugin } from '../gatewayContext.js';
import { requestIdOf } from './useRequestId.js';

/** The scope that opens the auditors' endpoint. */
export const AUDIT_READ_SCOPE = 'audit:read';

export interface AuditorEndpointOptions {
  /** Path of the auditors' GraphQL endpoint. Default `/audit/graphql`. */
  path?: string;
  auth: Pick<AuthService, 'authenticate'>;
  /** `openAuditReader(config.audit)`: the configured sink as a source, and the keyed hasher. */
  reader: Promise<{ source: AuditSource; hasher: KeyedHasher }>;
  /** Every auditor query is itself recorded here. */
  trail: Pick<AuditTrailApi, 'append' | 'health'>;
  requestIdHeader: string;
  log: Logger;
}

const REFUSAL_REASON = 'reading the audit trail requires the audit:read scope';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

function errorBody(message: string, extensions: Record<string, unknown>) {
  return { errors: [{ message, extensions }] };
}

/** Codes of the errors in a JSON response body (auditor queries are rare: parsing the body is affordable here). */
function codesIn(body: string): string[] {
  try {
    const parsed = JSON.parse(body) as { errors?: { extensions?: { code?: unknown } }[] };
    return (parsed.errors ?? []).map((e) =>
      typeof e.extensions?.code === 'string' ? e.extensions.code : ErrorCode.INTERNAL_SERVER_ERROR,
    );
  } catch {
    return [];
  }
}

/** The query text of a GraphQL request, for the document hash (read from a clone: yoga reads the body itself). */
async function documentOf(request: Request): Promise<string | null> {
  if (request.method === 'GET') return new URL(request.url).searchParams.get('query');
  try {
    const body = JSON.parse(await request.clone().text()) as { query?: unknown };
    return typeof body.query === 'string' ? body.query : null;
  } catch {
    return null;
  }
}

/**
 * The auditors' GraphQL endpoint (`/audit/graphql`, docs/audit.md §4): its own small schema over the configured
 * sink, open to principals holding `audit:read` (the `auditor` demo client). Anyone else gets FORBIDDEN with the
 * reason and legal basis (UNAUTHENTICATED without a valid token). Every request, answered or refused, appends a
 * record to the trail itself: reading the log is an access like any other. Citizen identifiers asked about are
 * recorded as keyed hashes, never in clear (the auditor's variables are not stored).
 */
export function useAuditorEndpoint(options: AuditorEndpointOptions): GatewayPlugin {
  const path = options.path ?? '/audit/graphql';
  const { auth, reader, trail, log } = options;
  const yoga = createYoga<AuditorContext>({
    schema: createAuditorSchema(),
    graphqlEndpoint: path,
    graphiql: false,
    landingPage: false,
    logging: false,
  });

  const record = (
    request: Request,
    access: AccessFacts,
    startedMs: number,
    time: number,
    response: string,
    identifiers: string[],
    document: string | null,
  ) => {
    const codes = codesIn(response);
    try {
      trail.append(
        auditInputFromAccess(access, {
          requestId: requestIdOf(request, options.requestIdHeader),
          time,
          durationMs: performance.now() - startedMs,
          operationType: 'query',
          document,
          errorCodes: codes,
          personalEntityKeys: identifiers.map((value) => ({ kind: 'CCCD', value })),
          response,
        }),
      );
    } catch (error) {
      log.error({ err: (error as Error).message }, 'audit record of an auditor query not appended');
    }
  };

  const handle = async (request: Request): Promise<Response> => {
    const time = Date.now();
    const startedMs = performance.now();
    const result = await auth.authenticate(request);
    if (!result.ok) {
      const body = JSON.stringify({ errors: [result.error.toJSON()] });
      const refusal = {
        code: String(result.error.extensions['code']),
        reason: String(result.error.extensions['reason'] ?? ''),
      };
      record(
        request,
        { state: 'unauthenticated', operations: [], refusals: [refusal] },
        startedMs,
        time,
        body,
        [],
        null,
      );
      return new Response(body, {
        status: result.status,
        headers: { 'content-type': 'application/json; charset=utf-8', ...result.headers },
      });
    }
    const { principal, purpose, caseId } = result.context;
    const base = {
      state: 'authenticated' as const,
      principal,
      ...(purpose ? { purpose } : {}),
      ...(caseId ? { caseId } : {}),
    };
    if (!scopesOf(principal).has(AUDIT_READ_SCOPE)) {
      const refusal = {
        code: ErrorCode.FORBIDDEN,
        reason: REFUSAL_REASON,
        legalBasis: DECREE_194_ART_16,
        coordinate: 'AuditQuery',
      };
      const body = errorBody(`Forbidden: ${REFUSAL_REASON}`, { ...refusal });
      const operation = {
        decision: 'refuse' as const,
        coordinates: [],
        personalData: [],
        masked: [],
        refusals: [refusal],
      };
      record(
        request,
        { ...base, operations: [operation], refusals: [] },
        startedMs,
        time,
        JSON.stringify(body),
        [],
        null,
      );
      return json(principal.kind === 'anonymous' ? 401 : 403, body);
    }
    const health = trail.health();
    if (!health.personalDataAllowed) {
      // An auditor's read must itself be recorded: without a durable trail it waits.
      const body = errorBody('The audit trail cannot record this query now; try again later', {
        code: ErrorCode.AUDIT_UNAVAILABLE,
        reason: health.reason ?? 'audit unavailable',
      });
      return json(503, body);
    }
    const { source, hasher } = await reader;
    const context: AuditorContext = { source, hasher, identifiers: [] };
    const document = await documentOf(request);
    const coordinates = ['auditRecords', 'auditChain']
      .filter((field) => document?.includes(field))
      .map((field) => `AuditQuery.${field}`);
    const answered = await yoga.fetch(request, context);
    const text = await answered.text();
    const operation = { decision: 'allow' as const, coordinates, personalData: [], masked: [], refusals: [] };
    record(
      request,
      { ...base, operations: [operation], refusals: [] },
      startedMs,
      time,
      text,
      context.identifiers,
      document,
    );
    return new Response(text, { status: answered.status, headers: answered.headers });
  };

  return {
    onRequest({ request, url, endResponse }) {
      if (url.pathname !== path) return;
      return handle(request).then(endResponse, (error: unknown) => {
        log.error({ err: (error as Error).message }, 'auditor endpoint failed');
        endResponse(json(500, errorBody('Internal server error', { code: ErrorCode.INTERNAL_SERVER_ERROR })));
      });
    },
  };
}
