import { GATEWAY_ASSERTION_HEADER } from '@lgsp/schema';
import type { GraphQLError } from 'graphql';
import { accessContextOf, refusalOf, startAccessRecord } from '../accessRecord.js';
import type { AuthService } from '../auth/createAuthService.js';
import type { GatewayPlugin } from '../gatewayContext.js';

export interface AuthenticationOptions {
  /** The auth service (createAuthService): token → principal → purpose, and the subgraph assertions. */
  auth: Pick<AuthService, 'authenticate' | 'assertion'>;
}

function refusal(status: number, headers: Record<string, string>, error: GraphQLError): Response {
  return new Response(JSON.stringify({ errors: [error.toJSON()] }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', ...headers },
  });
}

/**
 * Authenticates every GraphQL request before anything reads its body: bearer token from the `Authorization` header
 * only (a token in the URL is refused), principal from the partner registry, purpose from `X-Purpose`. A refused
 * request gets 401 (`WWW-Authenticate`), 403 (purpose) or 503 (issuer down) and never reaches parsing, so nothing
 * about the schema is revealed to it. It runs in `onRequestParse`, which only GraphQL requests reach (health probes
 * and GraphiQL's page are answered earlier), and before the contract schema is chosen for the request.
 *
 * It also gives the request's context `subgraphHeadersFor`: each subgraph call carries the principal, signed by the
 * gateway and addressed to that subgraph alone (`x-lgsp-gateway-assertion`).
 */
export function useAuthentication(options: AuthenticationOptions): GatewayPlugin {
  const { auth } = options;
  return {
    async onRequestParse({ request, endResponse }) {
      const result = await auth.authenticate(request);
      if (!result.ok) {
        startAccessRecord(request, {
          state: 'unauthenticated',
          operations: [],
          refusals: [refusalOf(result.error)],
        });
        endResponse(refusal(result.status, result.headers, result.error));
        return;
      }
      const { principal, purpose, caseId } = result.context;
      startAccessRecord(
        request,
        {
          state: 'authenticated',
          principal,
          ...(purpose === undefined ? {} : { purpose }),
          ...(caseId === undefined ? {} : { caseId }),
          operations: [],
          refusals: [],
        },
        result.context,
      );
    },
    onContextBuilding({ context, extendContext }) {
      const access = accessContextOf(context.request);
      if (access === undefined) return;
      extendContext({
        subgraphHeadersFor(subgraph: string) {
          const assertion = auth.assertion(access, subgraph, context.requestId);
          return assertion === undefined ? undefined : { [GATEWAY_ASSERTION_HEADER]: assertion };
        },
      });
    },
  };
}
