import { describe, expect, it } from '@jest/globals';
import { collectAuthRequirements } from '../../src/auth/authRequirements.js';
import { requirements, supergraphSdl } from './fixtures/supergraph.js';

describe('collectAuthRequirements', () => {
  it('finds @personalData in the composed supergraph, carried there by @composeDirective', () => {
    expect(supergraphSdl).toContain('directive @personalData(kind: PersonalDataKind!) on FIELD_DEFINITION');
    expect(Object.fromEntries(requirements.personalData)).toEqual({
      'CameraEvent.plate': 'PLATE',
      'Incident.reporterName': 'NAME',
      'Incident.reporterPhone': 'PHONE',
      'Incident.suspectPlate': 'PLATE',
      'Vaccination.address': 'ADDRESS',
      'Vaccination.birthDate': 'BIRTH_DATE',
      'Vaccination.cccd': 'CCCD',
      'Vaccination.fullName': 'NAME',
    });
  });

  it('reads the auth directives on fields and types, as alternatives of conjunctions', () => {
    expect(requirements.fields.get('Query.vaccination')).toEqual([
      { kind: 'scopes', anyOf: [['health:read', 'pii:read']], source: 'Query.vaccination' },
    ]);
    expect(requirements.fields.get('Query.records')).toEqual([
      { kind: 'authenticated', source: 'Query.records' },
    ]);
    expect(requirements.fields.get('Incident.suspectPlate')).toEqual([
      { kind: 'policies', anyOf: [['LAW_ENFORCEMENT']], source: 'Incident.suspectPlate' },
    ]);
    expect(requirements.types.get('AuditEntry')).toEqual([
      { kind: 'scopes', anyOf: [['audit:read']], source: 'AuditEntry' },
    ]);
    // The composer copies an implementation's rule onto its interface.
    expect(requirements.types.get('Record')).toEqual([
      { kind: 'scopes', anyOf: [['police:read']], source: 'Record' },
    ]);
  });

  it('follows directives renamed by @link(as:), and ignores look-alikes of other specs', () => {
    const sdl = /* GraphQL */ `
      schema
        @link(url: "https://specs.apollo.dev/link/v1.0")
        @link(url: "https://specs.apollo.dev/requiresScopes/v0.1", as: "scopes", for: SECURITY) {
        query: Query
      }
      directive @scopes(scopes: [[String!]!]!) on FIELD_DEFINITION
      directive @requiresScopes(x: Int) on FIELD_DEFINITION
      type Query {
        a: Int @scopes(scopes: [["egov:read"]])
        b: Int @requiresScopes(x: 1)
      }
    `;
    const found = collectAuthRequirements(sdl);
    expect(found.fields.get('Query.a')).toEqual([
      { kind: 'scopes', anyOf: [['egov:read']], source: 'Query.a' },
    ]);
    expect(found.fields.get('Query.b')).toBeUndefined();
  });
});
