import { composeServices } from '@theguild/federation-composition';
import { parse } from 'graphql';

/** One subgraph as the composer sees it. */
export interface SubgraphSource {
  /** The subgraph's name in the supergraph (`join__Graph`), lower case. */
  name: string;
  /** Where the gateway reaches it; written into the supergraph, overridable in the gateway's config. */
  url: string;
  /** The subgraph's SDL (its schema.graphql). */
  sdl: string;
}

export type CompositionResult = { ok: true; supergraphSdl: string } | { ok: false; errors: string[] };

/**
 * Composes Federation v2 subgraphs into a supergraph with @theguild/federation-composition (MIT). Errors name the
 * subgraph when the SDL does not even parse, so a typo is reported where it is.
 */
export function composeSupergraph(subgraphs: readonly SubgraphSource[]): CompositionResult {
  const parseErrors: string[] = [];
  const services = subgraphs.flatMap((s) => {
    try {
      return [{ name: s.name, url: s.url, typeDefs: parse(s.sdl) }];
    } catch (error) {
      parseErrors.push(`${s.name}: ${(error as Error).message}`);
      return [];
    }
  });
  if (parseErrors.length > 0) return { ok: false, errors: parseErrors };
  const result = composeServices(services);
  if (result.errors && result.errors.length > 0) {
    return { ok: false, errors: result.errors.map((e) => e.message) };
  }
  if (!result.supergraphSdl) return { ok: false, errors: ['composition produced no supergraph'] };
  // The Guild's composer reports problems only as errors (it has no separate hints), so success is clean.
  return { ok: true, supergraphSdl: result.supergraphSdl.trimEnd() + '\n' };
}
