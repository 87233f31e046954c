import { citizenReportResolvers, dossierResolvers } from './entityResolvers.js';
import { createQueryResolvers } from './queryResolvers.js';
import type { ResolverDependencies } from './types.js';
import { createAgencyResolvers, createUnitResolvers } from './unitResolvers.js';

export type { EgovContext, ResolverDependencies } from './types.js';

/** The subgraph's resolver map. */
export function createEgovResolvers(dependencies: ResolverDependencies) {
  return {
    Query: createQueryResolvers(dependencies),
    AdministrativeUnit: createUnitResolvers(dependencies),
    Agency: createAgencyResolvers(dependencies),
    Dossier: dossierResolvers,
    CitizenReport: citizenReportResolvers,
  };
}
