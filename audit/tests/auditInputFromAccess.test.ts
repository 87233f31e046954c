import { describe, it, expect } from '@jest/globals';
import { auditInputFromAccess, readsPersonalData, type AccessFacts } from '../src/auditInputFromAccess.js';
import { buildRecordBody } from '../src/buildRecordBody.js';
import { testHasher } from './fixtures.js';

const police: AccessFacts = {
  state: 'authenticated',
  principal: { kind: 'client', clientId: 'partner-police', subject: 'sa-police', agency: { code: 'CA-HB' } },
  purpose: 'LAW_ENFORCEMENT',
  caseId: 'HS-1',
  operations: [
    {
      operationName: 'Plates',
      decision: 'remove',
      coordinates: ['Query.cameraEvents', 'CameraEvent.plate'],
      personalData: ['CameraEvent.plate'],
      masked: [],
      refusals: [
        {
          code: 'FORBIDDEN',
          reason: 'scope health:read required',
          coordinate: 'Query.vaccinations',
          legalBasis: 'Luật 91/2025/QH15',
        },
      ],
    },
  ],
  refusals: [],
};

describe('auditInputFromAccess', () => {
  it('maps the auth decisions and the execution facts of one operation into a record', () => {
    const input = auditInputFromAccess(police, {
      requestId: 'r1',
      operationType: 'query',
      document: '{cameraEvents{plate}}',
      personalEntityKeys: [{ kind: 'PLATE', value: '28A-123.45' }],
      errorCodes: ['FORBIDDEN'],
      durationMs: 5,
      subgraphs: new Set(['police']),
      response: '{}',
    });
    const body = buildRecordBody(input, testHasher);
    expect(body).toMatchObject({
      client: 'partner-police',
      subject: 'sa-police',
      agency: 'CA-HB',
      purpose: 'LAW_ENFORCEMENT',
      caseId: 'HS-1',
      operationName: 'Plates',
      personalCoordinates: ['CameraEvent.plate'],
      outcome: 'refused',
      refusals: [
        {
          code: 'FORBIDDEN',
          coordinate: 'Query.vaccinations',
          reason: 'scope health:read required',
          legalBasis: 'Luật 91/2025/QH15',
        },
      ],
      subgraphs: ['police'],
      entityKeys: [{ kind: 'PLATE', key: testHasher.hash('28A-123.45') }],
    });
    expect(readsPersonalData(police)).toBe(true);
  });

  it('records a request refused at authentication, with no principal and no operation', () => {
    const refused: AccessFacts = {
      state: 'unauthenticated',
      operations: [],
      refusals: [{ code: 'UNAUTHENTICATED', reason: 'token expired' }],
    };
    const body = buildRecordBody(
      auditInputFromAccess(refused, { requestId: 'r2', errorCodes: ['UNAUTHENTICATED'] }),
      testHasher,
    );
    expect(body).toMatchObject({
      client: null,
      outcome: 'refused',
      coordinates: [],
      refusals: [{ code: 'UNAUTHENTICATED', coordinate: null }],
    });
    expect(readsPersonalData(refused)).toBe(false);
  });

  it('marks a served operation with masked personal data as masked', () => {
    const masked: AccessFacts = {
      ...police,
      operations: [
        { ...police.operations[0]!, decision: 'allow', masked: ['CameraEvent.plate'], refusals: [] },
      ],
    };
    expect(auditInputFromAccess(masked, { requestId: 'r3' }).outcome).toBe('masked');
  });
});
