import { route, soapEnvelope, soapFault, text, xml, type Route } from '@lgsp/simulator-kit';
import type { PoliceData } from '../data/policeData.js';
import { getCameraEvents, getCameras, listAlerts, listCameras } from './cameraOperations.js';
import {
  getAccident,
  getAccidentStatistics,
  getIncident,
  getIncidentStatistics,
  listAccidents,
  listIncidents,
} from './incidentOperations.js';
import { ClientFault, parseSoapCall, responseBody, type Params } from './soapRequest.js';
import { policeWsdl } from './wsdl.js';

/** The one SOAP endpoint of the police system. */
export const POLICE_SERVICE_PATH = '/soap/PoliceService';

type Operation = (data: PoliceData, params: Params, nowMs: number) => Params;

const operations: Readonly<Record<string, Operation>> = {
  GetIncidentStatistics: getIncidentStatistics,
  ListIncidents: listIncidents,
  GetIncident: getIncident,
  GetAccidentStatistics: getAccidentStatistics,
  ListAccidents: listAccidents,
  GetAccident: getAccident,
  ListCameras: listCameras,
  GetCameras: getCameras,
  GetCameraEvents: getCameraEvents,
  ListAlerts: listAlerts,
};

export interface PoliceServiceOptions {
  data: PoliceData;
  now: () => Date;
  /** Called once per well-formed call, with the operation's name (for per-operation counters). */
  onOperation: (operation: string) => void;
}

/** `POST /soap/PoliceService`: dispatches on SOAPAction; refusals are SOAP Faults (`soap:Client`) with HTTP 500. */
export function policeServiceRoute(options: PoliceServiceOptions): Route {
  return route('POST', POLICE_SERVICE_PATH, ({ body, headers }) => {
    const soapAction = headers['soapaction'];
    try {
      const call = parseSoapCall(body, Array.isArray(soapAction) ? soapAction[0] : soapAction);
      const operation = operations[call.operation];
      if (!operation) throw new ClientFault(`Unknown operation ${call.operation}`);
      options.onOperation(call.operation);
      const result = operation(options.data, call.params, options.now().getTime());
      return xml(soapEnvelope(responseBody(call.operation, result)));
    } catch (error) {
      if (error instanceof ClientFault) return soapFault('soap:Client', error.message);
      throw error;
    }
  });
}

/** The operations the service offers, for its README and tests. */
export const policeOperations: readonly string[] = Object.keys(operations);

/** `GET /soap/PoliceService?wsdl`: the service description, with this server's address. */
export function policeWsdlRoute(): Route {
  return route('GET', POLICE_SERVICE_PATH, ({ query, headers }) => {
    if (!query.has('wsdl')) return text('Use POST with a SOAP 1.1 envelope, or GET ?wsdl', 405);
    return xml(policeWsdl(policeOperations, `http://${headers.host ?? '127.0.0.1'}${POLICE_SERVICE_PATH}`));
  });
}
