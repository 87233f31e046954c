import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startProvinceHub, type ProvinceHub } from '../harness/startProvinceHub.js';

/** Root fields without any auth rule in the province supergraph: every authenticated client sees them. */
const open = [
  'administrativeUnit',
  'administrativeUnits',
  'agencies',
  'agency',
  'dossierStats',
  'healthFacilities',
  'healthFacility',
  'monitoringStation',
  'monitoringStations',
  'notifiableDiseases',
  'reservoir',
  'searchAdministrativeUnits',
  'serviceIndex',
];
const egov = ['citizenReport', 'citizenReports', 'dossier', 'dossiers'];
const police = [
  'accident',
  'accidentStats',
  'accidents',
  'alerts',
  'camera',
  'cameras',
  'incident',
  'incidentStats',
  'incidents',
];
const june2025 = '{ from: "2025-06-01", to: "2025-06-30" }';
const incidentsQuery = `{ incidents(unitCode: "148", period: ${june2025}, pageSize: 2) {
  items { id sceneAddress involvedPersons { fullName cccd } } } }`;

interface IncidentItems {
  incidents: {
    items: { id: string; sceneAddress: string; involvedPersons: { fullName: string; cccd: string }[] }[];
  };
}

describe('the province hub with auth required, against the real dev issuer', () => {
  let hub: ProvinceHub;
  beforeAll(async () => {
    hub = await startProvinceHub();
  }, 120_000);
  afterAll(() => hub?.close());

  const as = async (client: string, headers: Record<string, string> = {}) => ({
    authorization: `Bearer ${await hub.token(client)}`,
    ...headers,
  });

  it.each([
    ['ioc-dashboard', [...open, ...egov, 'diseaseCaseStats', ...police]],
    ['partner-health', [...open, 'diseaseCaseStats']],
    ['partner-police', [...open, ...police]],
    ['auditor', open],
  ])('%s sees exactly its contract in introspection', async (client, fields) => {
    const { body } = await hub.query('{ __schema { queryType { fields { name } } } }', {}, await as(client));
    const names = (
      body.data as { __schema: { queryType: { fields: { name: string }[] } } }
    ).__schema.queryType.fields
      .map((field) => field.name)
      .sort();
    expect(names).toEqual([...fields].sort());
  });

  it.each([
    [
      'partner-health',
      '{ healthFacilities(unitCode: "148", perPage: 1) { total } diseaseCaseStats(unitCode: "148") { cases } }',
    ],
    [
      'auditor',
      '{ administrativeUnit(code: "148") { name } healthFacilities(unitCode: "148", perPage: 1) { total } }',
    ],
    [
      'ioc-dashboard',
      '{ diseaseCaseStats(unitCode: "148") { cases } citizenReports(first: 1) { edges { node { id } } } }',
    ],
  ])('answers %s the data of its contract', async (client, query) => {
    const { status, body } = await hub.query(query, {}, await as(client));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    for (const value of Object.values(body.data ?? {})) expect(value).not.toBeNull();
  });

  it('refuses the auditor health data it may not read', async () => {
    const { status, body } = await hub.query(
      '{ diseaseCaseStats(unitCode: "148") { cases } }',
      {},
      await as('auditor'),
    );
    expect(status).toBe(403);
    expect(body.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'requires scope health:read',
    });
  });

  it('refuses partner-health the police data, naming the reason and the legal basis, and calls no system', async () => {
    await hub.resetStats();
    const { status, body } = await hub.query(incidentsQuery, {}, await as('partner-health'));
    expect(status).toBe(403);
    expect(body).toEqual({
      errors: [
        {
          message: 'Not authorized to read Query.incidents: requires scope police:read',
          path: ['incidents'],
          extensions: {
            code: 'FORBIDDEN',
            reason: 'requires scope police:read',
            legalBasis: expect.stringMatching(/^Nghị định 194\/2025\/NĐ-CP, Điều 16/),
            coordinate: 'Query.incidents',
          },
        },
      ],
    });
    expect((await hub.simulators.police.stats()).total).toBe(0);
  });

  it('masks the police case files for the police without a purpose, unmasks them with LAW_ENFORCEMENT', async () => {
    const masked = (await hub.query(incidentsQuery, {}, await as('partner-police'))).body
      .data as unknown as IncidentItems;
    const clear = (
      await hub.query(
        incidentsQuery,
        {},
        await as('partner-police', { 'x-purpose': 'LAW_ENFORCEMENT', 'x-case-id': 'VV-2025-000449' }),
      )
    ).body.data as unknown as IncidentItems;
    expect(masked.incidents.items.map((item) => item.id)).toEqual(
      clear.incidents.items.map((item) => item.id),
    );
    const maskedPeople = masked.incidents.items.flatMap((item) => item.involvedPersons);
    const clearPeople = clear.incidents.items.flatMap((item) => item.involvedPersons);
    expect(maskedPeople.length).toBeGreaterThan(0);
    for (const [i, person] of clearPeople.entries()) {
      expect(person.cccd).toMatch(/^017\d{9}$/);
      expect(maskedPeople[i]!.cccd).toBe(`${person.cccd.slice(0, 3)}******${person.cccd.slice(-3)}`);
      expect(maskedPeople[i]!.fullName).toMatch(/^(\p{Lu}\. )*\p{Lu}\.$/u);
    }
    for (const item of masked.incidents.items) expect(item.sceneAddress).toMatch(/^\*\*\*, /);
  });

  it('masks citizens’ phone numbers and names in field reports for the IOC dashboard', async () => {
    const { status, body } = await hub.query(
      '{ citizenReports(first: 3) { edges { node { reporterName reporterPhone } } } }',
      {},
      await as('ioc-dashboard'),
    );
    expect(status).toBe(200);
    const nodes = (
      body.data as { citizenReports: { edges: { node: { reporterName: string; reporterPhone: string } }[] } }
    ).citizenReports.edges.map((edge) => edge.node);
    expect(nodes.length).toBeGreaterThan(0);
    for (const node of nodes) {
      expect(node.reporterPhone).toMatch(/^\d{4}\*\*\*\d{3}$/);
      expect(node.reporterName).toMatch(/^(\p{Lu}\. )*\p{Lu}\.$/u);
    }
  });

  it('gives the IOC dashboard the rest of a query and one error per field it may not read', async () => {
    const { status, body } = await hub.query(
      '{ administrativeUnit(code: "148") { name } vaccinationRecord(cccd: "017095001123") { cccd } }',
      {},
      await as('ioc-dashboard'),
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ administrativeUnit: { name: 'Thành phố Hòa Bình' } });
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['vaccinationRecord'],
        extensions: expect.objectContaining({
          code: 'FORBIDDEN',
          reason: 'requires scope health:read and pii:read',
          legalBasis: expect.stringContaining('91/2025/QH15'),
        }),
      }),
    ]);
  });

  it('refuses a call to a subgraph that bypasses the gateway', async () => {
    const response = await fetch(hub.subgraphUrls.police, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await hub.token('partner-police')}`,
      },
      body: JSON.stringify({ query: incidentsQuery }),
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [
        {
          message: 'Request did not come through the gateway',
          extensions: { code: 'UNAUTHENTICATED', subgraph: 'police' },
        },
      ],
    });
  });
});

describe('the province hub running the real lgsp-gateway bin with auth from its config file', () => {
  let hub: ProvinceHub;
  beforeAll(async () => {
    hub = await startProvinceHub({ gateway: 'process' });
  }, 120_000);
  afterAll(() => hub?.close());

  it('authenticates, refuses and masks as in process', async () => {
    expect(
      (await hub.query('{ agencies(first: 1) { nodes { code } } }', {}, { authorization: '' })).status,
    ).toBe(401);
    const refused = await hub.query(
      incidentsQuery,
      {},
      { authorization: `Bearer ${await hub.token('auditor')}` },
    );
    expect(refused.status).toBe(403);
    const masked = await hub.query(
      incidentsQuery,
      {},
      { authorization: `Bearer ${await hub.token('ioc-dashboard')}` },
    );
    const people = (masked.body.data as unknown as IncidentItems).incidents.items.flatMap(
      (item) => item.involvedPersons,
    );
    expect(people.length).toBeGreaterThan(0);
    for (const person of people) expect(person.cccd).toMatch(/^017\*{6}\d{3}$/);
  });
});
