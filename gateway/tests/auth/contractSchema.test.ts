import { describe, expect, it } from '@jest/globals';
import { graphqlSync, isObjectType, isUnionType, validateSchema, type GraphQLSchema } from 'graphql';
import { createAccessRules, type AccessContext } from '../../src/auth/accessRules.js';
import { buildContractSchema, contractKey } from '../../src/auth/contractSchema.js';
import { contextFor } from './fixtures/principals.js';
import { requirements, schema } from './fixtures/supergraph.js';

const rules = createAccessRules();
const contract = (context: AccessContext) => buildContractSchema({ schema, requirements, rules, context });

function fieldsOf(contractSchema: GraphQLSchema, typeName: string): string[] | undefined {
  const type = contractSchema.getType(typeName);
  return isObjectType(type) ? Object.keys(type.getFields()).sort() : undefined;
}

describe('buildContractSchema', () => {
  it('shows the health partner only health, open data and what it may read', () => {
    const health = contract(contextFor('partner-health'));
    expect(validateSchema(health)).toEqual([]);
    expect(fieldsOf(health, 'Query')).toEqual(['facilities', 'search', 'units']);
    expect(fieldsOf(health, 'AdministrativeUnit')).toEqual(['code', 'diseaseCases', 'name']);
    expect(health.getType('Incident')).toBeUndefined();
    expect(health.getType('AuditEntry')).toBeUndefined();
    expect(health.getType('Vaccination')).toBeUndefined();
    const search = health.getType('SearchResult');
    expect(isUnionType(search) && search.getTypes().map((type) => type.name)).toEqual(['CameraEvent']);
  });

  it('never exposes _entities or _service', () => {
    for (const client of ['ioc-dashboard', 'partner-health', 'partner-police', 'auditor', null]) {
      const fields = fieldsOf(contract(contextFor(client)), 'Query') ?? [];
      expect(fields).not.toContain('_entities');
      expect(fields).not.toContain('_service');
    }
  });

  it('gives every demo client and the anonymous caller a valid schema', () => {
    for (const client of ['ioc-dashboard', 'partner-health', 'partner-police', 'auditor', null]) {
      expect(validateSchema(contract(contextFor(client)))).toEqual([]);
    }
  });

  it('shows a policy-guarded field only with the purpose that meets the policy', () => {
    expect(fieldsOf(contract(contextFor('partner-police')), 'Incident')).not.toContain('suspectPlate');
    expect(fieldsOf(contract(contextFor('partner-police', 'LAW_ENFORCEMENT')), 'Incident')).toContain(
      'suspectPlate',
    );
  });

  it('keeps masked personal data visible in the contract (masked, not hidden)', () => {
    expect(fieldsOf(contract(contextFor('partner-police')), 'Incident')).toContain('reporterPhone');
  });

  it('gives the anonymous caller the open-data contract only', () => {
    const anonymous = contract(contextFor(null));
    expect(fieldsOf(anonymous, 'Query')).toEqual(['search', 'units']);
    expect(fieldsOf(anonymous, 'AdministrativeUnit')).toEqual(['code', 'name']);
  });

  it('reports a hidden type as not existing when introspected', () => {
    const result = graphqlSync({
      schema: contract(contextFor('partner-health')),
      source: '{ incident: __type(name: "Incident") { name } facility: __type(name: "Facility") { name } }',
    });
    expect(result).toEqual({ data: { incident: null, facility: { name: 'Facility' } } });
  });

  it('keys contracts by what decides them', () => {
    expect(contractKey(contextFor('partner-health'))).toBe(contractKey(contextFor('partner-health')));
    expect(contractKey(contextFor('partner-police'))).not.toBe(
      contractKey(contextFor('partner-police', 'LAW_ENFORCEMENT')),
    );
    expect(contractKey(contextFor(null))).toBe('anonymous');
  });
});
