import {
  callSoap,
  createUpstreamClient,
  isNotFound,
  type SoapRequest,
  type UpstreamClient,
  type UpstreamClientOptions,
} from '@lgsp/subgraph-kit';
import { endpointNotFound } from './errors.js';
import { POLICE_SERVICE_PATH, POLICE_UPSTREAM, policeArrayElements } from './mapping.js';

export type PoliceClientOptions = Omit<UpstreamClientOptions, 'name'>;

/** The one upstream client of the police subgraph: the police system's SOAP 1.1 service (`baseUrl` without path). */
export function createPoliceClient(options: PoliceClientOptions): UpstreamClient {
  return createUpstreamClient({ name: POLICE_UPSTREAM, ...options });
}

/** What every call of a resolver or loader carries through. */
export interface CallContext {
  /** Forwarded as `x-request-id`. */
  requestId: string;
}

/**
 * One read operation of the service: every operation is a read, so it is retried (`idempotent`). Unknown keys come
 * back as missing elements, not as HTTP 404; a 404 means the endpoint itself is wrong.
 */
export async function readPolice(
  client: UpstreamClient,
  request: SoapRequest,
  context: CallContext,
): Promise<Record<string, unknown>> {
  const body = await callSoap(client, POLICE_SERVICE_PATH, request, {
    requestId: context.requestId,
    idempotent: true,
    arrayElements: policeArrayElements,
  });
  if (isNotFound(body)) throw endpointNotFound();
  return body;
}
