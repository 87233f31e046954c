import { describe, expect, it } from '@jest/globals';
import { parse, print } from 'graphql';
import { createAccessRules, DECREE_194_ART_16, PDPL_91_2025 } from '../../src/auth/accessRules.js';
import { authorizeOperation } from '../../src/auth/authorizeOperation.js';
import { refusalError, removeDeniedFields } from '../../src/auth/refusals.js';
import type { AccessContext } from '../../src/auth/accessRules.js';
import { contextFor } from './fixtures/principals.js';
import { requirements, schema } from './fixtures/supergraph.js';

const rules = createAccessRules();

function authorize(query: string, context: AccessContext, operationName?: string) {
  const document = parse(query);
  return {
    document,
    ...authorizeOperation({ schema, requirements, rules, document, operationName, context }),
  };
}

const denied = (query: string, context: AccessContext, operationName?: string) =>
  authorize(query, context, operationName).denials.map(({ code, coordinate, path }) => ({
    code,
    coordinate,
    path,
  }));

describe('authorizeOperation', () => {
  const health = contextFor('partner-health');
  const police = contextFor('partner-police');

  it('allows what the scopes grant, across subgraphs', () => {
    expect(denied('{ facilities { name beds } units { code name diseaseCases } }', health)).toEqual([]);
  });

  it('refuses a field without its scope, with reason and legal basis', () => {
    const [denial] = authorize('{ incidents { id } }', health).denials;
    expect(denial).toMatchObject({
      code: 'FORBIDDEN',
      coordinate: 'Query.incidents',
      reason: 'requires scope police:read',
      legalBasis: DECREE_194_ART_16,
      path: ['incidents'],
    });
  });

  it('cites the personal data law when pii:read is missing', () => {
    const [denial] = authorize(
      '{ vaccination(cccd: "017095001123") { doses } }',
      contextFor('ioc-dashboard'),
    ).denials;
    expect(denial).toMatchObject({
      reason: 'requires scope health:read and pii:read',
      legalBasis: PDPL_91_2025,
    });
  });

  it('finds a forbidden field behind an alias', () => {
    expect(denied('{ harmless: incidents { id } }', health)).toEqual([
      { code: 'FORBIDDEN', coordinate: 'Query.incidents', path: ['harmless'] },
    ]);
  });

  it('finds a forbidden field inside a named fragment', () => {
    const query = 'query { units { ...Stats } } fragment Stats on AdministrativeUnit { name incidentCount }';
    expect(denied(query, health)).toEqual([
      { code: 'FORBIDDEN', coordinate: 'AdministrativeUnit.incidentCount', path: ['units', 'incidentCount'] },
    ]);
  });

  it('finds a forbidden type behind an inline fragment on a union', () => {
    const query = '{ search(text: "cháy") { ... on CameraEvent { id } ... on Incident { summary } } }';
    expect(denied(query, health)).toEqual([
      { code: 'FORBIDDEN', coordinate: 'Incident', path: ['search', 'summary'] },
    ]);
    expect(denied(query, police)).toEqual([]);
  });

  it('applies @policy through an inline fragment on an interface: the purpose must be declared', () => {
    const query = '{ records { id ... on Incident { suspectPlate } } }';
    expect(denied(query, police)).toEqual([
      { code: 'FORBIDDEN', coordinate: 'Incident.suspectPlate', path: ['records', 'suspectPlate'] },
    ]);
    expect(denied(query, contextFor('partner-police', 'LAW_ENFORCEMENT'))).toEqual([]);
    expect(authorize(query, police).denials[0]!.reason).toBe('requires policy LAW_ENFORCEMENT');
  });

  it('refuses __typename probing of a union that may hold types the caller cannot read', () => {
    expect(denied('{ search(text: "a") { __typename } }', health)).toEqual([
      { code: 'FORBIDDEN', coordinate: 'Incident', path: ['search', '__typename'] },
    ]);
    expect(denied('{ search(text: "a") { __typename } }', police)).toEqual([]);
    expect(denied('{ search(text: "a") { ... on Incident { __typename } } }', health)).toHaveLength(1);
  });

  it('never lets anyone reach _entities or _service, not even the IOC', () => {
    const ioc = contextFor('ioc-dashboard');
    expect(denied('{ _entities(representations: []) }', ioc)).toEqual([
      { code: 'FORBIDDEN', coordinate: 'Query._entities', path: ['_entities'] },
    ]);
    expect(denied('{ _service { sdl } }', ioc)).toHaveLength(1);
  });

  it('refuses introspection to a client whose registry entry closes it', () => {
    const closed = contextFor('partner-health', undefined, { introspection: false });
    expect(denied('{ __schema { queryType { name } } }', closed)).toEqual([
      { code: 'FORBIDDEN', coordinate: 'Query.__schema', path: ['__schema'] },
    ]);
    expect(denied('{ __type(name: "Facility") { name } }', health)).toEqual([]);
  });

  it('answers an anonymous caller with UNAUTHENTICATED for anything beyond open data', () => {
    const anonymous = contextFor(null);
    expect(denied('{ units { code name } }', anonymous)).toEqual([]);
    expect(denied('{ records { id } }', anonymous)).toEqual([
      { code: 'UNAUTHENTICATED', coordinate: 'Query.records', path: ['records'] },
    ]);
  });

  it('checks fields under @skip and @include regardless of the variables', () => {
    const query = 'query ($hide: Boolean = true) { units { name } incidents @skip(if: $hide) { id } }';
    expect(denied(query, health)).toHaveLength(1);
  });

  it('authorizes only the selected operation of a document', () => {
    const document = 'query Open { units { name } } query Closed { incidents { id } }';
    expect(denied(document, health, 'Open')).toEqual([]);
    expect(denied(document, health, 'Closed')).toHaveLength(1);
  });

  it('reports each forbidden field node once, even when a fragment is spread twice', () => {
    const query =
      'query { a: units { ...S } b: units { ...S } } fragment S on AdministrativeUnit { incidentCount }';
    expect(denied(query, health)).toEqual([
      { code: 'FORBIDDEN', coordinate: 'AdministrativeUnit.incidentCount', path: ['a', 'incidentCount'] },
    ]);
  });

  it('walks each fragment once: 40 fragments that each spread the next one twice are decided, not 2^40 paths', () => {
    const fragments = Array.from({ length: 40 }, (_, i) =>
      i === 39
        ? 'fragment F39 on AdministrativeUnit { name incidentCount }'
        : `fragment F${i} on AdministrativeUnit { ...F${i + 1} ...F${i + 1} }`,
    ).join(' ');
    expect(denied(`query { units { ...F0 } } ${fragments}`, health)).toEqual([
      { code: 'FORBIDDEN', coordinate: 'AdministrativeUnit.incidentCount', path: ['units', 'incidentCount'] },
    ]);
  });

  it('lists the coordinates read and which are personal data, for the audit trail', () => {
    const result = authorize('{ incidents { id reporterPhone unit { name } } }', police);
    expect(result.coordinates.sort()).toEqual([
      'AdministrativeUnit.name',
      'Incident.id',
      'Incident.reporterPhone',
      'Incident.unit',
      'Query.incidents',
    ]);
    expect(result.personalData).toEqual(['Incident.reporterPhone']);
    const partlyDenied = authorize('{ units { name incidentCount } }', contextFor('partner-health'));
    expect(partlyDenied.coordinates.sort()).toEqual(['AdministrativeUnit.name', 'Query.units']);
  });

  it('uses the reason and legal basis configured for a rule', () => {
    const custom = createAccessRules({
      scopes: { 'police:read': { reason: 'chỉ dành cho lực lượng Công an', legalBasis: 'Luật CAND 2018' } },
    });
    const document = parse('{ incidents { id } }');
    const [denial] = authorizeOperation({
      schema,
      requirements,
      rules: custom,
      document,
      context: health,
    }).denials;
    expect(denial).toMatchObject({ reason: 'chỉ dành cho lực lượng Công an', legalBasis: 'Luật CAND 2018' });
  });
});

describe('refusals', () => {
  it('formats a refusal with code, reason, legal basis, coordinate and path', () => {
    const [denial] = authorize('{ x: incidents { id } }', contextFor('partner-health')).denials;
    expect(refusalError(denial!).toJSON()).toEqual({
      message: 'Not authorized to read Query.incidents: requires scope police:read',
      path: ['x'],
      extensions: {
        code: 'FORBIDDEN',
        reason: 'requires scope police:read',
        legalBasis: DECREE_194_ART_16,
        coordinate: 'Query.incidents',
      },
    });
  });

  it('removes the denied fields for the IOC front end and keeps the rest valid', () => {
    const ioc = contextFor('ioc-dashboard');
    const { document, denials } = authorize(
      '{ units { name } auditTrail { id } vaccination(cccd: "1") { doses } }',
      ioc,
    );
    expect(denials.map((denial) => denial.coordinate)).toEqual(['AuditEntry', 'Query.vaccination']);
    expect(print(removeDeniedFields(document, denials))).toBe('{\n  units {\n    name\n  }\n}');
    const only = authorize('{ auditTrail { id } }', ioc);
    expect(print(removeDeniedFields(only.document, only.denials))).toBe('{\n  __typename\n}');
  });
});
