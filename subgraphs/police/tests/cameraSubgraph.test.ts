import { afterAll, beforeAll, beforeEach, describe, expect, it } from '@jest/globals';
import { createPoliceSimulator, type PoliceSimulator } from '@lgsp/simulator-police';
import { pino } from 'pino';
import { createPoliceSubgraph, loadPoliceConfig, type PoliceSubgraph } from '../src/index.js';

let simulator: PoliceSimulator;
let subgraph: PoliceSubgraph;

interface CameraResult {
  id: string;
  unitCode: string;
  status: string;
  location: { latitude: number; longitude: number };
}

async function run(query: string, variables?: Record<string, unknown>, headers?: Record<string, string>) {
  return subgraph.executeOperation({ query, variables }, { headers });
}

function isoDaysAgo(days: number): string {
  return new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);
}

beforeAll(async () => {
  // The real clock on both sides: events and alerts exist up to now.
  simulator = await createPoliceSimulator();
  const config = loadPoliceConfig({
    env: {},
    values: { port: 0, upstream: { baseUrl: simulator.url, retries: 1, requestTimeoutMs: 2_000 } },
  });
  subgraph = await createPoliceSubgraph(config, { listen: false, log: pino({ level: 'silent' }) });
});
afterAll(async () => {
  await subgraph.close();
  await simulator.close();
});
beforeEach(() => {
  simulator.clearFaults();
  simulator.resetStats();
});

describe('police subgraph: AI cameras', () => {
  it('serves the map layer inside a bounding box, and by unit the same cameras as the unit extension', async () => {
    const box = { minLatitude: 20.78, minLongitude: 105.3, maxLatitude: 20.86, maxLongitude: 105.38 };
    const result = await run(
      `query ($box: BoundingBoxInput!, $r: [_Any!]!) {
        inBox: cameras(bbox: $box) { id unitCode status location { latitude longitude } }
        inUnit: cameras(unitCode: "04792") { id }
        _entities(representations: $r) { ... on AdministrativeUnit { cameras { id } cameraCount(status: ONLINE) } }
      }`,
      { box, r: [{ __typename: 'AdministrativeUnit', code: '04792' }] },
    );
    expect(result.errors).toBeUndefined();
    const inBox = result.data?.inBox as CameraResult[];
    expect(inBox.length).toBeGreaterThan(20);
    for (const camera of inBox) {
      expect(camera.location.latitude).toBeGreaterThanOrEqual(box.minLatitude);
      expect(camera.location.latitude).toBeLessThanOrEqual(box.maxLatitude);
      expect(camera.location.longitude).toBeGreaterThanOrEqual(box.minLongitude);
      expect(camera.location.longitude).toBeLessThanOrEqual(box.maxLongitude);
    }
    const [unit] = result.data?._entities as { cameras: { id: string }[]; cameraCount: number }[];
    expect(unit!.cameras).toEqual(result.data?.inUnit);
    expect(unit!.cameraCount).toBeGreaterThan(0);
    expect(unit!.cameraCount).toBeLessThanOrEqual(unit!.cameras.length);
  });

  it('loads the events of many cameras in one call and resolves their cameras without another', async () => {
    const result = await run(
      `query ($p: PeriodInput!) {
        cameras(unitCode: "148", status: ONLINE) {
          id
          events(period: $p, type: TRAFFIC_VIOLATION, first: 5) {
            id type occurredAt confidence plateNumber violation violationLabel camera { id name }
          }
        }
      }`,
      { p: { from: isoDaysAgo(7), to: isoDaysAgo(0) } },
    );
    expect(result.errors).toBeUndefined();
    const cameras = result.data?.cameras as {
      id: string;
      events: { type: string; confidence: number; plateNumber: string; camera: { id: string } }[];
    }[];
    const events = cameras.flatMap((camera) =>
      camera.events.map((event) => ({ ...event, owner: camera.id })),
    );
    expect(events.length).toBeGreaterThan(10);
    for (const event of events) {
      expect(event.type).toBe('TRAFFIC_VIOLATION');
      expect(event.camera.id).toBe(event.owner);
      expect(event.confidence).toBeGreaterThan(0);
      expect(event.confidence).toBeLessThanOrEqual(1);
      expect(event.plateNumber).toMatch(/^\d{2}[A-Z]\d?-\d{3}\.\d{2}$/);
    }
    expect(cameras.every((camera) => camera.events.length <= 5)).toBe(true);
    expect(simulator.operationCounts()).toEqual({ ListCameras: 1, GetCameraEvents: 1 });
  });

  it('lists recent high-confidence alerts, newest first, with their camera and unit', async () => {
    const since = new Date(Date.now() - 6 * 3_600_000).toISOString();
    const result = await run(
      `query ($since: DateTime!) {
        alerts(since: $since, minConfidence: 0.9) {
          id severity status message raisedAt unit { code } event { type confidence camera { id status } }
        }
      }`,
      { since },
    );
    expect(result.errors).toBeUndefined();
    const alerts = result.data?.alerts as {
      raisedAt: string;
      message: string;
      event: { confidence: number; camera: { id: string } };
    }[];
    expect(alerts.length).toBeGreaterThan(0);
    const instants = alerts.map((alert) => Date.parse(alert.raisedAt));
    expect([...instants].sort((a, b) => b - a)).toEqual(instants);
    expect(instants.every((instant) => instant >= Date.parse(since) && instant <= Date.now())).toBe(true);
    expect(
      alerts.every((alert) => alert.event.confidence >= 0.9 && alert.event.camera.id.startsWith('HBCAM-')),
    ).toBe(true);
    expect(alerts[0]!.message).toMatch(/^(Phát hiện|Phương tiện vi phạm)/);
  });
});

describe('police subgraph: refusals and upstream failures', () => {
  it('refuses arguments the police system would refuse, with BAD_USER_INPUT and no upstream call', async () => {
    const result = await run(`{
      reversed: incidentStats(unitCode: "148", period: { from: "2025-02-01", to: "2025-01-01" }) { total }
      tooLong: camera(id: "HBCAM-0001") { events(period: { from: "2025-01-01", to: "2025-03-31" }) { id } }
      tooOld: alerts(since: "2020-01-01T00:00:00+07:00") { id }
      tooBig: incidents(unitCode: "148", period: { from: "2025-01-01", to: "2025-01-31" }, pageSize: 500) { totalCount }
      other: incidents(unitCode: "148", period: { from: "2025-01-01", to: "2025-01-31" }, category: OTHER) { totalCount }
    }`);
    const codes = Object.fromEntries(
      (result.errors ?? []).map((error) => [error.path?.[0], error.extensions?.code]),
    );
    expect(codes).toEqual({
      reversed: 'BAD_USER_INPUT',
      tooLong: 'BAD_USER_INPUT',
      tooOld: 'BAD_USER_INPUT',
      tooBig: 'BAD_USER_INPUT',
      other: 'BAD_USER_INPUT',
    });
    expect(simulator.operationCounts()).toEqual({ GetCameras: 1 });
  });

  it('turns a failing police system into UPSTREAM_ERROR for the fields that need it', async () => {
    simulator.addFault({ route: '/soap/PoliceService', status: 503 });
    const result = await run(`{ camera(id: "HBCAM-0001") { id } }`);
    expect(result.data).toEqual({ camera: null });
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', subgraph: 'police' });
    expect(result.errors?.[0]?.message).not.toContain('injected');
  });

  it('turns a malformed SOAP answer into UPSTREAM_ERROR', async () => {
    simulator.addFault({ route: '/soap/PoliceService', malformed: true });
    const result = await run(
      `{ incidentStats(unitCode: "148", period: { from: "2025-01-01", to: "2025-01-31" }) { total } }`,
    );
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'UPSTREAM_ERROR', subgraph: 'police' });
  });

  it("forwards the caller's request id to the police system", async () => {
    await run(`{ camera(id: "HBCAM-0002") { id } }`, undefined, { 'x-request-id': 'ioc-wall-7f3a' });
    expect(simulator.stats().recentRequestIds).toEqual(['ioc-wall-7f3a']);
  });
});
