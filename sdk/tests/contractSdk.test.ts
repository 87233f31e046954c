import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { buildSchema, isInterfaceType, isObjectType, type GraphQLSchema } from 'graphql';
import { generateContractSdk } from '../tools/src/contractSdk.js';
import { contractSchema, repositoryRoot } from '../tools/src/schemas.js';

/** Every `Type.field` coordinate of a schema's object and interface types. */
function coordinates(schema: GraphQLSchema): Set<string> {
  const result = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.keys(type.getFields())) result.add(`${type.name}.${field}`);
  }
  return result;
}

const committedContract = (clientId: string) =>
  buildSchema(
    readFileSync(path.join(repositoryRoot, `sdk/src/contracts/${clientId}/schema.graphql`), 'utf8'),
  );

describe("a partner's contract SDK holds only what the partner may read", () => {
  it('partner-health (catalog:read, health:read) sees no police, egov-restricted or CCCD-keyed fields', () => {
    const visible = coordinates(committedContract('partner-health'));
    expect(visible).toContain('Query.diseaseCaseStats');
    expect(visible).toContain('AdministrativeUnit.diseaseCases');
    expect(visible).toContain('Query.healthFacilities');
    for (const hidden of [
      'Query.incidents',
      'Query.alerts',
      'Query.citizenReports',
      'Query.dossiers',
      'Query.vaccinationRecord',
      'AdministrativeUnit.incidentStats',
      'AdministrativeUnit.cameras',
      'AdministrativeUnit.citizenReports',
      'Query._entities',
    ]) {
      expect(visible).not.toContain(hidden);
    }
    const generated = readFileSync(
      path.join(repositoryRoot, 'sdk/src/contracts/partner-health/graphql.ts'),
      'utf8',
    );
    expect(generated).not.toMatch(/SecurityIncident|CitizenReportStatus|VaccinationRecord|PoliceIncidents/);
    expect(generated).toMatch(/HealthDiseaseCasesDocument/);
  });

  it('partner-police sees incidents but no health shared data', () => {
    const visible = coordinates(committedContract('partner-police'));
    expect(visible).toContain('Query.incidents');
    expect(visible).toContain('InvolvedPerson.cccd');
    expect(visible).not.toContain('Query.diseaseCaseStats');
    expect(visible).not.toContain('AdministrativeUnit.diseaseCases');
  });

  it('every contract is a subset of the full public schema', () => {
    const full = coordinates(contractSchema({ clientId: 'ioc-dashboard' }));
    for (const clientId of ['partner-health', 'partner-police']) {
      for (const coordinate of coordinates(committedContract(clientId))) expect(full).toContain(coordinate);
    }
  });

  it("every contract's manifest is part of the catalogue's, so the gateway loads one manifest", () => {
    const read = (file: string) =>
      JSON.parse(readFileSync(path.join(repositoryRoot, file), 'utf8')) as Record<string, string>;
    const catalogue = read('sdk/src/generated/persisted-documents.json');
    // The gateway refuses a manifest whose key is not the sha256 of its text (a client could run something else).
    for (const [hash, document] of Object.entries(catalogue)) {
      expect(createHash('sha256').update(document).digest('hex')).toBe(hash);
    }
    for (const clientId of ['partner-health', 'partner-police', 'ioc-dashboard']) {
      const manifest = read(`sdk/src/contracts/${clientId}/persisted-documents.json`);
      expect(Object.keys(manifest).length).toBeGreaterThan(0);
      for (const [hash, document] of Object.entries(manifest)) expect(catalogue[hash]).toBe(document);
    }
  });

  it('refuses to generate for a client the registry does not know, naming the known ones', async () => {
    await expect(generateContractSdk({ clientId: 'partner-unknown' })).rejects.toThrow(
      /unknown client partner-unknown .*partner-health/,
    );
  });

  it('refuses a purpose the client may not declare', () => {
    expect(() => contractSchema({ clientId: 'partner-health', purpose: 'LAW_ENFORCEMENT' })).toThrow(
      'client partner-health may not declare purpose LAW_ENFORCEMENT',
    );
  });
});
