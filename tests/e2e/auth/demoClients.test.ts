import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { DECREE_194_ART_16, PDPL_91_2025 } from '../../../gateway/src/auth/accessRules.js';
import { startAuthHub, type AuthHub } from './authHub.js';

const queryFields = '{ __schema { queryType { fields { name } } } }';
const fieldNames = (body: { data?: Record<string, unknown> | null }) =>
  (body.data as { __schema: { queryType: { fields: { name: string }[] } } }).__schema.queryType.fields
    .map((field) => field.name)
    .sort();

describe('each demo client of the real dev issuer gets exactly its contract through the gateway', () => {
  let hub: AuthHub;
  beforeAll(async () => {
    hub = await startAuthHub();
  });
  afterAll(() => hub?.close());

  it.each([
    ['ioc-dashboard', ['facilities', 'incidents', 'records', 'search', 'units']],
    ['partner-health', ['facilities', 'search', 'units']],
    ['partner-police', ['incidents', 'records', 'search', 'units']],
    ['auditor', ['auditTrail', 'search', 'units']],
  ])('%s sees only its own root fields in introspection', async (client, fields) => {
    const { status, body } = await hub.post(queryFields, { client });
    expect(status).toBe(200);
    expect(fieldNames(body)).toEqual(fields);
  });

  it('hides types the client may not read from introspection (__type answers null)', async () => {
    const { body } = await hub.post(
      '{ audit: __type(name: "AuditEntry") { name } incident: __type(name: "Incident") { name } }',
      {
        client: 'partner-health',
      },
    );
    expect(body).toEqual({ data: { audit: null, incident: null } });
    const police = await hub.post('{ __type(name: "Incident") { fields { name } } }', {
      client: 'partner-police',
    });
    expect(police.body.data).toEqual({
      __type: {
        fields: [
          { name: 'id' },
          { name: 'summary' },
          { name: 'reporterName' },
          { name: 'reporterPhone' },
          { name: 'unit' },
        ],
      },
    });
  });

  it('answers a partner its own data across subgraphs', async () => {
    const { status, body } = await hub.post('{ facilities { name beds } units { name diseaseCases } }', {
      client: 'partner-health',
    });
    expect(status).toBe(200);
    expect(body).toEqual({
      data: {
        facilities: [{ name: 'Bệnh viện Đa khoa tỉnh Hòa Bình', beds: 800 }],
        units: [{ name: 'Thành phố Hòa Bình', diseaseCases: 3 }],
      },
    });
  });

  it('refuses a partner the whole operation, with reason and legal basis, before any subgraph is called', async () => {
    const before = { ...hub.calls };
    const { status, body } = await hub.post('{ units { name } incidents { id } }', {
      client: 'partner-health',
    });
    expect(status).toBe(403);
    expect(body).toEqual({
      errors: [
        {
          message: 'Not authorized to read Query.incidents: requires scope police:read',
          path: ['incidents'],
          extensions: {
            code: 'FORBIDDEN',
            reason: 'requires scope police:read',
            legalBasis: DECREE_194_ART_16,
            coordinate: 'Query.incidents',
          },
        },
      ],
    });
    expect(hub.calls).toEqual(before);
  });

  it('gives the IOC front end what it may read and one error per removed field', async () => {
    const { status, body } = await hub.post(
      '{ units { name } auditTrail { id } incidents { id suspectPlate } }',
      {
        client: 'ioc-dashboard',
      },
    );
    expect(status).toBe(200);
    expect(body.data).toEqual({ units: [{ name: 'Thành phố Hòa Bình' }], incidents: [{ id: 'I1' }] });
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['auditTrail'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'requires scope audit:read' }),
      }),
      expect.objectContaining({
        path: ['incidents', 'suspectPlate'],
        extensions: expect.objectContaining({ code: 'FORBIDDEN', reason: 'requires policy LAW_ENFORCEMENT' }),
      }),
    ]);
  });

  it('shows no placeholder where removal emptied a selection', async () => {
    const root = await hub.post('{ auditTrail { id } }', { client: 'ioc-dashboard' });
    expect(root.status).toBe(200);
    expect(root.body.data).toEqual({});
    expect(root.body.errors).toHaveLength(1);
    const nested = await hub.post('{ incidents { suspectPlate } }', { client: 'ioc-dashboard' });
    expect(nested.body.data).toEqual({ incidents: [{}] });
    expect(nested.body.errors?.[0]?.path).toEqual(['incidents', 'suspectPlate']);
  });

  it('masks personal data by kind for a client without pii:read', async () => {
    const { body } = await hub.post('{ incidents { reporterName reporterPhone } }', {
      client: 'ioc-dashboard',
    });
    expect(body).toEqual({
      data: { incidents: [{ reporterName: 'N. V. A.', reporterPhone: '0912***678' }] },
    });
  });

  it('masks by the concrete type of each object on interfaces (fragments apply to their own type only)', async () => {
    const { body } = await hub.post(
      '{ records { id ... on CameraEvent { tag: plate } ... on Incident { tag: summary } } }',
      { client: 'ioc-dashboard' },
    );
    expect(body).toEqual({
      data: {
        records: [
          { id: 'I1', tag: 'Va chạm giao thông tại ngã tư Tân Thịnh' },
          { id: 'C1', tag: '28A-***.90' },
        ],
      },
    });
  });

  it('unmasks personal data for the police only with an allowed purpose', async () => {
    const query = '{ incidents { reporterPhone suspectPlate } }';
    const withPurpose = await hub.post(query, {
      client: 'partner-police',
      headers: { 'x-purpose': 'LAW_ENFORCEMENT', 'x-case-id': 'VV-2026-118' },
    });
    expect(withPurpose.body).toEqual({
      data: { incidents: [{ reporterPhone: '0912345678', suspectPlate: '28A-123.45' }] },
    });

    const emergency = await hub.post('{ incidents { reporterPhone } }', {
      client: 'partner-police',
      headers: { 'x-purpose': 'EMERGENCY_RESPONSE' },
    });
    expect(emergency.body).toEqual({ data: { incidents: [{ reporterPhone: '0912345678' }] } });

    const noPurpose = await hub.post('{ incidents { reporterPhone } }', { client: 'partner-police' });
    expect(noPurpose.body).toEqual({ data: { incidents: [{ reporterPhone: '0912***678' }] } });

    const policyWithoutPurpose = await hub.post(query, { client: 'partner-police' });
    expect(policyWithoutPurpose.status).toBe(403);
    expect(policyWithoutPurpose.body.data).toBeUndefined();
  });

  it('refuses an unknown purpose and a purpose not granted, with the reason', async () => {
    const unknown = await hub.post('{ units { name } }', {
      client: 'partner-police',
      headers: { 'x-purpose': 'CURIOSITY' },
    });
    expect(unknown.status).toBe(403);
    expect(unknown.body).toEqual({
      errors: [
        {
          message: expect.stringContaining('Not authorized to read the declared purpose'),
          extensions: {
            code: 'FORBIDDEN',
            reason:
              'unknown purpose; known purposes: LAW_ENFORCEMENT, PUBLIC_HEALTH, CITIZEN_SERVICE, EMERGENCY_RESPONSE',
            legalBasis: PDPL_91_2025,
            coordinate: 'X-Purpose',
          },
        },
      ],
    });
    const notGranted = await hub.post('{ units { name } }', {
      client: 'partner-health',
      headers: { 'x-purpose': 'LAW_ENFORCEMENT' },
    });
    expect(notGranted.status).toBe(403);
    expect(notGranted.body.errors?.[0]?.extensions?.['reason']).toMatch(/not granted to this client/);
  });

  it('refuses a malformed case id rather than recording it', async () => {
    const { status, body } = await hub.post('{ units { name } }', {
      client: 'partner-police',
      headers: { 'x-purpose': 'LAW_ENFORCEMENT', 'x-case-id': 'VV 2026 <script>' },
    });
    expect(status).toBe(403);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', coordinate: 'X-Purpose' });
  });

  it('lets the auditor read the audit trail and nothing of the police', async () => {
    const trail = await hub.post('{ auditTrail { id clientId } }', { client: 'auditor' });
    expect(trail.body).toEqual({ data: { auditTrail: [{ id: 'A1', clientId: 'partner-police' }] } });
    const incidents = await hub.post('{ incidents { id } }', { client: 'auditor' });
    expect(incidents.status).toBe(403);
  });

  it('answers a request without a token with 401 and a Bearer challenge', async () => {
    const { status, headers, body } = await hub.post('{ units { name } }');
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer realm="lgsp"');
    expect(body).toEqual({
      errors: [
        {
          message: 'an access token is required (Authorization: Bearer)',
          extensions: { code: 'UNAUTHENTICATED', reason: 'TOKEN_MISSING' },
        },
      ],
    });
  });
});

describe('auth mode optional', () => {
  let hub: AuthHub;
  beforeAll(async () => {
    hub = await startAuthHub({ auth: { mode: 'optional' } });
  });
  afterAll(() => hub?.close());

  it('gives an anonymous caller the open-data contract', async () => {
    const introspection = await hub.post(queryFields);
    expect(fieldNames(introspection.body)).toEqual(['search', 'units']);
    const units = await hub.post('{ units { name } }');
    expect(units.body).toEqual({ data: { units: [{ name: 'Thành phố Hòa Bình' }] } });
  });

  it('answers an anonymous caller asking for protected data with 401, the reason and the legal basis', async () => {
    const { status, headers, body } = await hub.post('{ records { id } }');
    expect(status).toBe(401);
    expect(headers.get('www-authenticate')).toBe('Bearer realm="lgsp"');
    expect(body.data).toBeUndefined();
    expect(body.errors).toEqual([
      expect.objectContaining({
        path: ['records'],
        extensions: expect.objectContaining({ code: 'UNAUTHENTICATED', legalBasis: DECREE_194_ART_16 }),
      }),
    ]);
  });
});
