import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { graphqlSync, parse, type GraphQLSchema } from 'graphql';
import type { DevIssuer } from '@lgsp/dev-issuer';
import { authConfigSchema } from '../../../gateway/src/auth/authConfig.js';
import { createAuthService, type AuthService } from '../../../gateway/src/auth/createAuthService.js';
import type { AccessContext } from '../../../gateway/src/auth/accessRules.js';
import { schema, supergraphSdl } from '../../../gateway/tests/auth/fixtures/supergraph.js';
import { registryFile, startDevIssuer } from './identityHarness.js';

const queryFields = (contract: GraphQLSchema) =>
  (
    graphqlSync({ schema: contract, source: '{ __schema { queryType { fields { name } } } }' }).data as {
      __schema: { queryType: { fields: { name: string }[] } };
    }
  ).__schema.queryType.fields
    .map((field) => field.name)
    .sort();

describe('each demo client of the real dev issuer gets exactly its contract', () => {
  let issuer: DevIssuer;
  let auth: AuthService;
  beforeAll(async () => {
    issuer = await startDevIssuer();
    auth = await createAuthService({
      config: authConfigSchema.parse({
        issuer: issuer.issuer,
        audience: issuer.audience,
        registryFile,
        watchRegistry: false,
      }),
      supergraphSdl,
    });
  });
  afterAll(async () => {
    auth.close();
    await issuer.close();
  });

  async function contextOf(clientId: string, headers: Record<string, string> = {}): Promise<AccessContext> {
    const token = await issuer.issueToken(clientId);
    const result = await auth.authenticate(
      new Request('http://gw/graphql', { headers: { authorization: `Bearer ${token}`, ...headers } }),
    );
    if (!result.ok) throw new Error(`authentication failed: ${result.error.message}`);
    return result.context;
  }

  it.each([
    ['ioc-dashboard', ['facilities', 'incidents', 'records', 'search', 'units']],
    ['partner-health', ['facilities', 'search', 'units']],
    ['partner-police', ['incidents', 'records', 'search', 'units']],
    ['auditor', ['auditTrail', 'search', 'units']],
  ])('%s sees only its own fields in introspection', async (clientId, fields) => {
    expect(queryFields(auth.contract(schema, await contextOf(clientId)))).toEqual(fields);
  });

  it('unmasks personal data for the police only with an allowed purpose', async () => {
    const document = parse('{ incidents { reporterPhone suspectPlate } }');
    const withPurpose = await contextOf('partner-police', {
      'x-purpose': 'LAW_ENFORCEMENT',
      'x-case-id': 'VV-2026-118',
    });
    expect(auth.authorize(schema, document, undefined, withPurpose).kind).toBe('allow');
    const clear = { incidents: [{ reporterPhone: '0912345678', suspectPlate: '28A-123.45' }] };
    auth.mask(schema, document, undefined, clear, withPurpose);
    expect(clear.incidents[0]).toEqual({ reporterPhone: '0912345678', suspectPlate: '28A-123.45' });

    const noPurpose = await contextOf('partner-police');
    expect(auth.authorize(schema, document, undefined, noPurpose)).toMatchObject({
      kind: 'refuse',
      status: 403,
    });
    const phoneOnly = parse('{ incidents { reporterPhone } }');
    const masked = { incidents: [{ reporterPhone: '0912345678' }] };
    auth.mask(schema, phoneOnly, undefined, masked, noPurpose);
    expect(masked.incidents[0]!.reporterPhone).toBe('0912***678');
  });

  it('refuses a purpose the client is not granted, with the reason', async () => {
    const token = await issuer.issueToken('partner-health');
    const result = await auth.authenticate(
      new Request('http://gw/graphql', {
        headers: { authorization: `Bearer ${token}`, 'x-purpose': 'LAW_ENFORCEMENT' },
      }),
    );
    expect(result).toMatchObject({ ok: false, status: 403 });
    expect(result.ok ? undefined : result.error.extensions['reason']).toMatch(/not granted to this client/);
  });

  it('gives the IOC front end the fields it may read and one error per removed field', async () => {
    const decision = auth.authorize(
      schema,
      parse('{ units { name } auditTrail { id } }'),
      undefined,
      await contextOf('ioc-dashboard'),
    );
    expect(decision.kind).toBe('remove');
    if (decision.kind !== 'remove') return;
    expect(decision.errors.map((error) => error.toJSON())).toEqual([
      {
        message: 'Not authorized to read AuditEntry: requires scope audit:read',
        path: ['auditTrail'],
        extensions: expect.objectContaining({
          code: 'FORBIDDEN',
          reason: 'requires scope audit:read',
          coordinate: 'AuditEntry',
        }),
      },
    ]);
  });
});
