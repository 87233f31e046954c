import { UpstreamError } from '@lgsp/subgraph-kit';
import { GraphQLError } from 'graphql';
import { POLICE_UPSTREAM } from './mapping.js';

/** The SOAP endpoint answered HTTP 404: a misconfigured base URL, not an unknown key. */
export function endpointNotFound(): UpstreamError {
  return new UpstreamError({ upstream: POLICE_UPSTREAM, reason: 'status', status: 404 });
}

/**
 * An argument the police system would refuse (a SOAP Client fault). Checked before calling, so the caller gets
 * BAD_USER_INPUT with the rule instead of an UPSTREAM_ERROR.
 */
export function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}
