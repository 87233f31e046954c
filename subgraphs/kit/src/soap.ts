import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { NotFound, UpstreamError } from './upstream/upstreamErrors.js';
import type { PostXmlOptions, UpstreamClient, UpstreamResponse } from './upstream/createUpstreamClient.js';

const SOAP_ENV_NS = 'http://schemas.xmlsoap.org/soap/envelope/';

export interface SoapRequest {
  /** The operation element's local name (`LayDanhSachCoSo`). */
  operation: string;
  /** The service's target namespace, bound to prefix `tns`. */
  namespace: string;
  /** Child elements of the operation; arrays repeat the element, nested objects nest. */
  params?: Record<string, unknown>;
}

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

/** Builds a SOAP 1.1 request envelope; values are escaped by the XML builder. */
export function buildSoapEnvelope(request: SoapRequest): string {
  const operation = { '@_xmlns:tns': request.namespace, ...prefixKeys(request.params ?? {}) };
  const envelope = {
    'soap:Envelope': {
      '@_xmlns:soap': SOAP_ENV_NS,
      'soap:Body': { [`tns:${request.operation}`]: operation },
    },
  };
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(envelope) as string}`;
}

function prefixKeys(params: Record<string, unknown>): Record<string, unknown> {
  const prefixed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    prefixed[`tns:${key}`] =
      value !== null && typeof value === 'object' && !Array.isArray(value)
        ? prefixKeys(value as Record<string, unknown>)
        : value;
  }
  return prefixed;
}

export interface ParseXmlOptions {
  /** Element names that are always arrays, even with one child (`CoSo`). Default none. */
  arrayElements?: readonly string[];
}

function createParser(options: ParseXmlOptions): XMLParser {
  const arrays = new Set(options.arrayElements ?? []);
  return new XMLParser({
    removeNSPrefix: true,
    ignoreAttributes: true,
    // Keep codes like "04978" as strings: the mapping decides types, not the parser.
    parseTagValue: false,
    trimValues: true,
    isArray: (tagName) => arrays.has(tagName),
  });
}

/** Parses an XML document strictly (invalid XML → `UpstreamError` malformed). Namespace prefixes are removed. */
export function parseXml(
  upstream: string,
  xml: string,
  options: ParseXmlOptions = {},
): Record<string, unknown> {
  if (XMLValidator.validate(xml) !== true) throw new UpstreamError({ upstream, reason: 'malformed' });
  return createParser(options).parse(xml) as Record<string, unknown>;
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Parses a SOAP 1.1 response and returns the content of `Body` (e.g. `{ LayCoSoResponse: {...} }`).
 * A `Fault` → `UpstreamError` (`UPSTREAM_ERROR`, reason `soapFault`); no Envelope/Body → malformed.
 * The fault string goes to `cause` for logs only, never into the message.
 */
export function parseSoapResponse(
  upstream: string,
  xml: string,
  options: ParseXmlOptions = {},
): Record<string, unknown> {
  const document = parseXml(upstream, xml, options);
  const body = asRecord(asRecord(document['Envelope'])?.['Body']);
  if (!body) throw new UpstreamError({ upstream, reason: 'malformed' });
  const fault = asRecord(body['Fault']);
  if (fault) {
    throw new UpstreamError({
      upstream,
      reason: 'soapFault',
      status: 500,
      cause: new Error(`SOAP fault ${String(fault['faultcode'])}`),
    });
  }
  return body;
}

export interface CallSoapOptions extends Omit<PostXmlOptions, 'soapAction'>, ParseXmlOptions {
  /** Default: `<namespace>/<operation>`, the common .NET/Java convention. */
  soapAction?: string;
}

/**
 * One SOAP call: build the envelope, POST it, parse the answer. Returns the `Body` content, or `NotFound` on
 * HTTP 404. Pass `idempotent: true` for reads so they are retried.
 */
export async function callSoap(
  client: UpstreamClient,
  path: string,
  request: SoapRequest,
  options: CallSoapOptions = {},
): Promise<Record<string, unknown> | NotFound> {
  const { arrayElements, soapAction, ...postOptions } = options;
  const response: UpstreamResponse | NotFound = await client.postXml(path, buildSoapEnvelope(request), {
    ...postOptions,
    soapAction: soapAction ?? `${request.namespace.replace(/\/$/, '')}/${request.operation}`,
  });
  if (response === NotFound) return NotFound;
  return parseSoapResponse(client.name, response.text, { arrayElements });
}
