import { describe, expect, it } from '@jest/globals';
import { buildSoapEnvelope, parseSoapResponse } from '@lgsp/subgraph-kit';
import {
  cameraEventsRequest,
  incidentStatisticsRequest,
  policeArrayElements,
  readCameraEvents,
  readIncidents,
  readIncidentStatistics,
} from '../src/upstream/mapping.js';

const NS = 'http://ws.congan.hoabinh.gov.vn/PoliceService';

function body(operation: string, resultXml: string): Record<string, unknown> {
  const xml =
    '<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>' +
    `<${operation}Response xmlns="${NS}"><${operation}Result>${resultXml}</${operation}Result></${operation}Response>` +
    '</soap:Body></soap:Envelope>';
  return parseSoapResponse('police', xml, { arrayElements: policeArrayElements });
}

const incident = (overrides: Record<string, string> = {}): string => {
  const fields: Record<string, string> = {
    IncidentId: 'VV-2025-000001',
    CategoryCode: 'TROM_CAP',
    CategoryName: 'Trộm cắp tài sản',
    Summary: 'Trộm cắp xe mô tô',
    OccurredAt: '2025-03-04T21:40:00',
    ReportedAt: '2025-03-05T07:10:00',
    CommuneCode: '04801',
    PlaceName: 'Nhà riêng',
    SceneAddress: 'Số 12 Đường Cù Chính Lan, tổ 3, Phường Tân Thịnh, Thành phố Hòa Bình, tỉnh Hòa Bình',
    Latitude: '20.81234',
    Longitude: '105.33456',
    StatusCode: 'DA_GIAI_QUYET',
    StatusName: 'Đã giải quyết',
    HandlingUnit: 'Công an phường Tân Thịnh',
    ...overrides,
  };
  return `<Incident>${Object.entries(fields)
    .map(([name, value]) => `<${name}>${value}</${name}>`)
    .join(
      '',
    )}<Persons><Person><Role>NAN_NHAN</Role><FullName>Bùi Thị Hoa</FullName><IdNumber>017190001234</IdNumber></Person></Persons></Incident>`;
};

describe('police mapping', () => {
  it('builds .NET-style list parameters and the period of a request', () => {
    const xml = buildSoapEnvelope(
      incidentStatisticsRequest(['04801', '148'], { from: '2025-01-01', to: '2025-01-31' }),
    );
    expect(xml).toContain(
      '<tns:UnitCodes><tns:UnitCode>04801</tns:UnitCode><tns:UnitCode>148</tns:UnitCode></tns:UnitCodes>',
    );
    expect(xml).toContain('<tns:FromDate>2025-01-01</tns:FromDate><tns:ToDate>2025-01-31</tns:ToDate>');
    const events = buildSoapEnvelope(
      cameraEventsRequest(['HBCAM-0001'], {
        period: { from: '2025-01-01', to: '2025-01-02' },
        type: null,
        first: 5,
      }),
    );
    expect(events).toContain(
      '<tns:FromTime>2025-01-01T00:00:00</tns:FromTime><tns:ToTime>2025-01-02T23:59:59</tns:ToTime>',
    );
    expect(events).not.toContain('EventType');
  });

  it('maps one incident (a single element still a list) with codes, local times and coordinates', () => {
    const [mapped] = readIncidents(body('GetIncident', `<Incidents>${incident()}</Incidents>`));
    expect(mapped).toEqual({
      id: 'VV-2025-000001',
      category: 'THEFT',
      categoryLabel: 'Trộm cắp tài sản',
      summary: 'Trộm cắp xe mô tô',
      occurredAt: '2025-03-04T21:40:00+07:00',
      reportedAt: '2025-03-05T07:10:00+07:00',
      status: 'RESOLVED',
      statusLabel: 'Đã giải quyết',
      unitCode: '04801',
      placeName: 'Nhà riêng',
      sceneAddress: 'Số 12 Đường Cù Chính Lan, tổ 3, Phường Tân Thịnh, Thành phố Hòa Bình, tỉnh Hòa Bình',
      location: '20.81234,105.33456',
      damageVnd: null,
      handlingUnit: 'Công an phường Tân Thịnh',
      involvedPersons: [{ role: 'VICTIM', fullName: 'Bùi Thị Hoa', cccd: '017190001234' }],
    });
  });

  it('files a category added to the code list later under OTHER', () => {
    const [mapped] = readIncidents(
      body('GetIncident', `<Incidents>${incident({ CategoryCode: 'BUON_LAU' })}</Incidents>`),
    );
    expect(mapped?.category).toBe('OTHER');
  });

  it('treats an answer without the expected shape as UPSTREAM_ERROR (malformed)', () => {
    const unknownStatus = body('GetIncident', `<Incidents>${incident({ StatusCode: 'XYZ' })}</Incidents>`);
    expect(() => readIncidents(unknownStatus)).toThrow(
      expect.objectContaining({ code: 'UPSTREAM_ERROR', reason: 'malformed' }),
    );
    const badTime = body('GetIncident', `<Incidents>${incident({ OccurredAt: '04/03/2025' })}</Incidents>`);
    expect(() => readIncidents(badTime)).toThrow(expect.objectContaining({ reason: 'malformed' }));
    expect(() => readIncidentStatistics(body('GetIncident', ''))).toThrow(
      expect.objectContaining({ reason: 'malformed' }),
    );
  });

  it('reads empty results as empty lists', () => {
    expect(readIncidents(body('GetIncident', '<Incidents/>'))).toEqual([]);
    expect(readIncidentStatistics(body('GetIncidentStatistics', ''))).toEqual([]);
    expect(readCameraEvents(body('GetCameraEvents', '<CameraEventLists/>'))).toEqual(new Map());
  });
});
