import { describe, expect, it } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import { KNOWN_SCOPES, loadPartnerRegistry } from '../../../gateway/src/auth/partnerRegistry.js';
import { registryFile } from './identityHarness.js';

interface Mapper {
  protocolMapper: string;
  config: Record<string, string>;
}
interface Realm {
  clientScopes: { name: string; protocolMappers?: Mapper[] }[];
  clients: (Record<string, unknown> & { clientId: string; defaultClientScopes: string[] })[];
}

const realmFile = new URL('../../../deploy/keycloak/realm-export.json', import.meta.url);

describe('the Keycloak realm export', () => {
  it('has one confidential service-account client per registry entry, with exactly its scopes and the gateway audience', async () => {
    const realm = JSON.parse(await readFile(realmFile, 'utf8')) as Realm;
    const registry = await loadPartnerRegistry(registryFile);
    for (const [clientId, entry] of Object.entries(registry.clients)) {
      const client = realm.clients.find((candidate) => candidate.clientId === clientId);
      expect(client).toMatchObject({
        publicClient: false,
        serviceAccountsEnabled: true,
        standardFlowEnabled: false,
        directAccessGrantsEnabled: false,
        fullScopeAllowed: false,
      });
      const granted = client!.defaultClientScopes.filter((scope) =>
        (KNOWN_SCOPES as readonly string[]).includes(scope),
      );
      expect(granted.sort()).toEqual([...entry.scopes].sort());
      expect(client!.defaultClientScopes).toEqual(
        expect.arrayContaining(['lgsp-gateway-audience', 'roles', 'basic']),
      );
    }
  });

  it('adds the gateway to the audience of access tokens through an Audience mapper', async () => {
    const realm = JSON.parse(await readFile(realmFile, 'utf8')) as Realm;
    const audience = realm.clientScopes.find((scope) => scope.name === 'lgsp-gateway-audience');
    expect(audience?.protocolMappers).toEqual([
      expect.objectContaining({
        protocolMapper: 'oidc-audience-mapper',
        config: expect.objectContaining({
          'included.client.audience': 'lgsp-gateway',
          'access.token.claim': 'true',
        }),
      }),
    ]);
    expect(realm.clients.map((client) => client.clientId)).toContain('lgsp-gateway');
  });

  it('defines every hub scope and carries no client secret', async () => {
    const text = await readFile(realmFile, 'utf8');
    const realm = JSON.parse(text) as Realm;
    expect(realm.clientScopes.map((scope) => scope.name)).toEqual(expect.arrayContaining([...KNOWN_SCOPES]));
    expect(text).not.toMatch(/"secret"\s*:/);
  });
});
