import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';

/** The service's target namespace; SOAPAction is `<namespace>/<operation>`. */
export const POLICE_NAMESPACE = 'http://ws.congan.hoabinh.gov.vn/PoliceService';

/** List wrappers of requests: their items are parsed as arrays even when one occurs (`UnitCodes.UnitCode`). */
const REPEATED = new Set([
  'UnitCodes.UnitCode',
  'IncidentIds.IncidentId',
  'AccidentIds.AccidentId',
  'CameraIds.CameraId',
]);

const parser = new XMLParser({
  removeNSPrefix: true,
  ignoreAttributes: true,
  parseTagValue: false,
  trimValues: true,
  isArray: (_name, jPath) => REPEATED.has(String(jPath).split('.').slice(-2).join('.')),
});

const builder = new XMLBuilder({ ignoreAttributes: false, suppressEmptyNode: true });

/** A request the service refuses: answered as a SOAP Fault with faultcode `soap:Client`. */
export class ClientFault extends Error {
  override readonly name = 'ClientFault';
}

export type Params = Record<string, unknown>;

export interface SoapCall {
  operation: string;
  params: Params;
}

function asRecord(value: unknown): Params | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Params) : undefined;
}

/** Parses a SOAP 1.1 request with a real XML parser and checks that SOAPAction names the Body's operation. */
export function parseSoapCall(body: string, soapActionHeader: string | undefined): SoapCall {
  if (body.trim() === '' || XMLValidator.validate(body) !== true)
    throw new ClientFault('Request is not well-formed XML');
  const envelope = asRecord(asRecord(parser.parse(body) as unknown)?.['Envelope']);
  const soapBody = asRecord(envelope?.['Body']);
  const operation = soapBody ? Object.keys(soapBody)[0] : undefined;
  if (!soapBody || operation === undefined) throw new ClientFault('Missing SOAP Envelope or Body');
  const action = (soapActionHeader ?? '').replace(/^"|"$/g, '');
  if (action !== `${POLICE_NAMESPACE}/${operation}`) {
    throw new ClientFault(`SOAPAction does not match operation ${operation}`);
  }
  return { operation, params: asRecord(soapBody[operation]) ?? {} };
}

/** Serialises one operation's result as the Body of a .NET-style response (`<XResponse><XResult>`). */
export function responseBody(operation: string, result: Params): string {
  return builder.build({
    [`${operation}Response`]: { '@_xmlns': POLICE_NAMESPACE, [`${operation}Result`]: result },
  }) as string;
}

// --- parameter readers: each throws ClientFault naming the parameter, never echoing its value ---

export function textParam(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === '') return undefined;
  if (typeof value !== 'string') throw new ClientFault(`${name} must be a text value`);
  return value;
}

export function requiredText(params: Params, name: string): string {
  const value = textParam(params, name);
  if (value === undefined) throw new ClientFault(`${name} is required`);
  return value;
}

/** `<Wrapper><Item>a</Item><Item>b</Item></Wrapper>` → `['a', 'b']`, between 1 and `max` items. */
export function listParam(params: Params, wrapper: string, item: string, max: number): string[] {
  const values = asRecord(params[wrapper])?.[item];
  if (!Array.isArray(values) || values.length === 0)
    throw new ClientFault(`${wrapper} needs at least one ${item}`);
  if (values.length > max) throw new ClientFault(`${wrapper} accepts at most ${max} ${item} elements`);
  if (!values.every((value) => typeof value === 'string'))
    throw new ClientFault(`${item} must be a text value`);
  return values as string[];
}

export function optionalList(
  params: Params,
  wrapper: string,
  item: string,
  max: number,
): string[] | undefined {
  return params[wrapper] === undefined || params[wrapper] === ''
    ? undefined
    : listParam(params, wrapper, item, max);
}

export function intParam(params: Params, name: string, fallback: number, min: number, max: number): number {
  const raw = textParam(params, name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ClientFault(`${name} must be an integer between ${min} and ${max}`);
  }
  return value;
}

export function numberParam(params: Params, name: string): number | undefined {
  const raw = textParam(params, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!Number.isFinite(value)) throw new ClientFault(`${name} must be a number`);
  return value;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

function validDate(value: string): boolean {
  const time = Date.parse(`${value.slice(0, 10)}T00:00:00Z`);
  return Number.isFinite(time) && new Date(time).toISOString().slice(0, 10) === value.slice(0, 10);
}

/** `FromDate`/`ToDate` as `yyyy-MM-dd`, both inclusive, from ≤ to. */
export function dateRange(params: Params): { from: string; to: string } {
  const from = requiredText(params, 'FromDate');
  const to = requiredText(params, 'ToDate');
  for (const [name, value] of [
    ['FromDate', from],
    ['ToDate', to],
  ] as const) {
    if (!DATE.test(value) || !validDate(value)) throw new ClientFault(`${name} must be a date (yyyy-MM-dd)`);
  }
  if (from > to) throw new ClientFault('FromDate is after ToDate');
  return { from, to };
}

/** A local date-time parameter (`yyyy-MM-ddTHH:mm:ss`, Vietnam time) as epoch milliseconds. */
export function localTimeParam(params: Params, name: string): number {
  const value = requiredText(params, name);
  if (!DATE_TIME.test(value) || !validDate(value))
    throw new ClientFault(`${name} must be yyyy-MM-ddTHH:mm:ss`);
  return Date.parse(`${value}+07:00`);
}
