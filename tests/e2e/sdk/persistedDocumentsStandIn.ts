// A stand-in for the gateway's trusted-documents feature, used until it lands in gateway/src/plugins: it accepts
// exactly the protocol the SDK speaks (sdk/README.md) and loads the manifest codegen writes
// (sdk/src/generated/persisted-documents.json, `{ "<sha256 hex>": "<document>" }`).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { GatewayPlugin } from '@lgsp/gateway';
import { repositoryRoot } from '@lgsp/schema';
import { GraphQLError } from 'graphql';

export const manifestPath = path.join(repositoryRoot, 'sdk', 'src', 'generated', 'persisted-documents.json');

export function readManifest(): Record<string, string> {
  return JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, string>;
}

/** `{"extensions":{"persistedQuery":{"version":1,"sha256Hash":"<hex>"}}}` without `query` → the manifest's text. */
export function usePersistedDocumentsStandIn(manifest: Record<string, string>): GatewayPlugin {
  return {
    onParams({ params, setParams }) {
      const persisted = (params.extensions as { persistedQuery?: { version?: number; sha256Hash?: unknown } })
        ?.persistedQuery;
      if (params.query !== undefined || typeof persisted?.sha256Hash !== 'string') return;
      const query = Object.hasOwn(manifest, persisted.sha256Hash)
        ? manifest[persisted.sha256Hash]
        : undefined;
      if (query === undefined) {
        throw new GraphQLError('PersistedQueryNotFound', {
          extensions: { code: 'PERSISTED_QUERY_NOT_FOUND', http: { status: 400 } },
        });
      }
      setParams({ ...params, query });
    },
  };
}
