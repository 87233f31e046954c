import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { adminUnits } from '@lgsp/simulator-kit';
import {
  createPoliceSimulator,
  POLICE_NAMESPACE,
  policeOperations,
  type PoliceSimulator,
} from '../src/index.js';

const NOW = new Date('2026-03-15T10:00:00+07:00');
const parser = new XMLParser({
  removeNSPrefix: true,
  parseTagValue: false,
  isArray: (name) =>
    /^(UnitStatistics|Camera|CameraEvent|CameraEventList|Alert|Incident|Accident|UnitCameras|Id|CategoryCount)$/.test(
      name,
    ),
});

function envelope(operation: string, inner: string): string {
  return (
    '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/">' +
    `<soap:Body><tns:${operation} xmlns:tns="${POLICE_NAMESPACE}">${inner}</tns:${operation}></soap:Body></soap:Envelope>`
  );
}

const codes = (wrapper: string, item: string, values: readonly string[]): string =>
  `<tns:${wrapper}>${values.map((value) => `<tns:${item}>${value}</tns:${item}>`).join('')}</tns:${wrapper}>`;

describe('police simulator (SOAP 1.1)', () => {
  let simulator: PoliceSimulator;

  async function call(operation: string, inner: string, action = `${POLICE_NAMESPACE}/${operation}`) {
    const response = await fetch(`${simulator.url}/soap/PoliceService`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: `"${action}"` },
      body: envelope(operation, inner),
    });
    const body = parser.parse(await response.text()).Envelope.Body;
    return { status: response.status, body, result: body[`${operation}Response`]?.[`${operation}Result`] };
  }

  beforeAll(async () => {
    simulator = await createPoliceSimulator({ now: () => NOW });
  });
  afterAll(() => simulator.close());

  it("counts a province's incidents as the sum of its districts, and answers only known units", async () => {
    const period = '<tns:FromDate>2024-07-01</tns:FromDate><tns:ToDate>2025-06-30</tns:ToDate>';
    const units = ['17', ...adminUnits.oldDistricts.map((district) => district.code), '99999'];
    const { result } = await call('GetIncidentStatistics', codes('UnitCodes', 'UnitCode', units) + period);
    const stats = result.UnitStatistics as { UnitCode: string; TotalIncidents: string }[];
    expect(stats.map((s) => s.UnitCode)).toEqual(units.slice(0, -1));
    const [province, ...districts] = stats.map((s) => Number(s.TotalIncidents));
    expect(province).toBeGreaterThan(500);
    expect(districts.reduce((sum, n) => sum + n, 0)).toBe(province);
  });

  it('files records after the reform on the new communes of province 25', async () => {
    const period = '<tns:FromDate>2025-07-01</tns:FromDate><tns:ToDate>2025-12-31</tns:ToDate>';
    const { result } = await call(
      'GetAccidentStatistics',
      codes('UnitCodes', 'UnitCode', ['17', '25', '148']) + period,
    );
    const [old, current, district] = result.UnitStatistics as { AccidentCount: string }[];
    expect(Number(old!.AccidentCount)).toBe(0);
    expect(Number(district!.AccidentCount)).toBe(0);
    expect(Number(current!.AccidentCount)).toBeGreaterThan(30);
  });

  it('pages incidents newest first with Vietnamese labels and synthetic CCCDs', async () => {
    const inner =
      '<tns:UnitCode>148</tns:UnitCode><tns:FromDate>2024-07-01</tns:FromDate><tns:ToDate>2025-06-30</tns:ToDate><tns:PageIndex>2</tns:PageIndex><tns:PageSize>5</tns:PageSize>';
    const { result } = await call('ListIncidents', inner);
    const incidents = result.Incidents.Incident as {
      OccurredAt: string;
      CategoryName: string;
      DistrictCode: string;
      Persons?: { Person: { IdNumber: string } | { IdNumber: string }[] };
    }[];
    expect(incidents).toHaveLength(5);
    expect(Number(result.TotalCount)).toBeGreaterThan(100);
    expect([...incidents].sort((a, b) => b.OccurredAt.localeCompare(a.OccurredAt))).toEqual(incidents);
    expect(incidents.every((incident) => incident.DistrictCode === '148')).toBe(true);
    expect(incidents.map((incident) => incident.CategoryName).join(' ')).toMatch(/[ạảãáàăâđêôơưộ]/u);
    const ids = incidents.flatMap((incident) =>
      [incident.Persons?.Person ?? []].flat().map((p) => p.IdNumber),
    );
    expect(ids.every((id) => /^017[0-3]\d{8}$/.test(id))).toBe(true);
  });

  it('places every camera inside Hòa Bình with Hòa Bình plates on its violations', async () => {
    const { result } = await call('ListCameras', '');
    const cameras = result.Cameras.Camera as {
      CameraId: string;
      Latitude: string;
      Longitude: string;
      Status: string;
    }[];
    expect(cameras.length).toBeGreaterThan(200);
    for (const camera of cameras) {
      expect(Number(camera.Latitude)).toBeGreaterThanOrEqual(20.3);
      expect(Number(camera.Latitude)).toBeLessThanOrEqual(21.1);
      expect(Number(camera.Longitude)).toBeGreaterThanOrEqual(104.8);
      expect(Number(camera.Longitude)).toBeLessThanOrEqual(105.9);
      expect(['ONLINE', 'OFFLINE', 'MAINTENANCE']).toContain(camera.Status);
    }
    const ids = cameras.slice(0, 60).map((camera) => camera.CameraId);
    const inner =
      codes('CameraIds', 'CameraId', ids) +
      '<tns:FromTime>2026-03-01T00:00:00</tns:FromTime><tns:ToTime>2026-03-14T23:59:59</tns:ToTime><tns:EventType>TRAFFIC_VIOLATION</tns:EventType>';
    const { result: events } = await call('GetCameraEvents', inner);
    const plates = (
      events.CameraEventLists.CameraEventList as { Events?: { CameraEvent: { PlateNumber: string }[] } }[]
    )
      .flatMap((list) => list.Events?.CameraEvent ?? [])
      .map((event) => event.PlateNumber);
    expect(plates.length).toBeGreaterThan(10);
    expect(plates.every((plate) => /^\d{2}[A-Z]\d?-\d{3}\.\d{2}$/.test(plate))).toBe(true);
    expect(plates.filter((plate) => plate.startsWith('28')).length).toBeGreaterThan(plates.length / 2);
  });

  it('serves the same events for the same period on every call (deterministic per hour)', async () => {
    const inner =
      codes('CameraIds', 'CameraId', ['HBCAM-0001', 'HBCAM-0002', 'HBCAM-0003']) +
      '<tns:FromTime>2026-03-10T00:00:00</tns:FromTime><tns:ToTime>2026-03-12T00:00:00</tns:ToTime>';
    const first = await call('GetCameraEvents', inner);
    const second = await call('GetCameraEvents', inner);
    expect(second.result).toEqual(first.result);
  });

  it('raises only recent high-confidence alerts, never from the future', async () => {
    const { result } = await call(
      'ListAlerts',
      '<tns:SinceTime>2026-03-15T04:00:00</tns:SinceTime><tns:MinConfidence>0.9</tns:MinConfidence>',
    );
    const alerts = result.Alerts.Alert as { Event: { Confidence: string; EventTime: string } }[];
    expect(alerts.length).toBeGreaterThan(0);
    for (const alert of alerts) {
      expect(Number(alert.Event.Confidence)).toBeGreaterThanOrEqual(0.9);
      expect(
        alert.Event.EventTime >= '2026-03-15T04:00:00' && alert.Event.EventTime <= '2026-03-15T10:00:00',
      ).toBe(true);
    }
  });

  it('answers bad requests with a soap:Client Fault (HTTP 500)', async () => {
    const badDate = await call(
      'ListIncidents',
      '<tns:UnitCode>148</tns:UnitCode><tns:FromDate>2025-02-30</tns:FromDate><tns:ToDate>2025-03-01</tns:ToDate>',
    );
    expect(badDate.status).toBe(500);
    expect(badDate.body.Fault).toMatchObject({
      faultcode: 'soap:Client',
      faultstring: 'FromDate must be a date (yyyy-MM-dd)',
    });
    const wrongAction = await call('ListCameras', '', `${POLICE_NAMESPACE}/ListAlerts`);
    expect(wrongAction.body.Fault.faultstring).toBe('SOAPAction does not match operation ListCameras');
    const response = await fetch(`${simulator.url}/soap/PoliceService`, {
      method: 'POST',
      body: '<soap:Envelope><oops>',
    });
    expect(response.status).toBe(500);
    expect(await response.text()).toContain('not well-formed XML');
  });

  it('publishes a WSDL 1.1 description of every operation at ?wsdl', async () => {
    const response = await fetch(`${simulator.url}/soap/PoliceService?wsdl`);
    expect(response.headers.get('content-type')).toContain('text/xml');
    const wsdl = new XMLParser({ removeNSPrefix: true, ignoreAttributes: false }).parse(
      await response.text(),
    );
    const operations = wsdl.definitions.binding.operation as {
      '@_name': string;
      operation: { '@_soapAction': string };
    }[];
    expect(operations.map((operation) => operation['@_name'])).toEqual(policeOperations);
    expect(operations[0]!.operation['@_soapAction']).toBe(`${POLICE_NAMESPACE}/GetIncidentStatistics`);
    expect(wsdl.definitions.service.port.address['@_location']).toBe(`${simulator.url}/soap/PoliceService`);
  });

  it('counts well-formed calls per operation', async () => {
    simulator.resetStats();
    await call('GetIncident', codes('IncidentIds', 'IncidentId', ['VV-2024-000001', 'VV-2099-000001']));
    await call('GetCameras', codes('CameraIds', 'CameraId', ['HBCAM-0001']));
    expect(simulator.operationCounts()).toEqual({ GetIncident: 1, GetCameras: 1 });
    expect(simulator.stats().total).toBe(2);
  });
});
