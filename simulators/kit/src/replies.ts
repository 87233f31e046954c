import type { SimReply } from './router.js';

/** A JSON reply (`application/json; charset=utf-8`). */
export function json(data: unknown, status = 200, headers: Record<string, string> = {}): SimReply {
  return {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
    body: JSON.stringify(data),
  };
}

/** An XML reply (`text/xml; charset=utf-8`, the SOAP 1.1 content type). */
export function xml(body: string, status = 200, headers: Record<string, string> = {}): SimReply {
  return { status, headers: { 'content-type': 'text/xml; charset=utf-8', ...headers }, body };
}

/** A plain-text reply. */
export function text(body: string, status = 200, headers: Record<string, string> = {}): SimReply {
  return { status, headers: { 'content-type': 'text/plain; charset=utf-8', ...headers }, body };
}

/** A 404 in JSON, the way most REST systems answer an unknown key. */
export function notFound(message = 'not found'): SimReply {
  return json({ error: message }, 404);
}

/** Escapes text for an XML element or attribute. */
export function escapeXml(value: string): string {
  return value
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

/** Wraps body XML in a SOAP 1.1 envelope. */
export function soapEnvelope(bodyXml: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?>' +
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
    bodyXml +
    '</soap:Body></soap:Envelope>'
  );
}

/** A SOAP 1.1 Fault reply, with HTTP 500 as SOAP 1.1 prescribes. */
export function soapFault(faultCode: string, faultString: string): SimReply {
  return xml(
    soapEnvelope(
      `<soap:Fault><faultcode>${escapeXml(faultCode)}</faultcode>` +
        `<faultstring>${escapeXml(faultString)}</faultstring></soap:Fault>`,
    ),
    500,
  );
}

/**
 * Texts of every `<tag>` (any namespace prefix) in a request body. Enough for simulators reading flat SOAP
 * requests; the subgraphs use a real XML parser.
 */
export function xmlTexts(body: string, tag: string): string[] {
  const pattern = new RegExp(`<(?:[\\w-]+:)?${tag}(?:\\s[^>]*)?>([^<]*)</(?:[\\w-]+:)?${tag}>`, 'g');
  return [...body.matchAll(pattern)].map((match) =>
    (match[1] ?? '')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>')
      .replaceAll('&quot;', '"')
      .replaceAll('&apos;', "'")
      .replaceAll('&amp;', '&'),
  );
}
