import type { SimulatorServer } from '@lgsp/simulator-kit';
import { createCatalogSimulator } from '@lgsp/simulator-catalog';
import { createEgovSimulator, defaultNow } from '@lgsp/simulator-egov';
import { createEnvironmentSimulator } from '@lgsp/simulator-environment';
import { createHealthSimulator } from '@lgsp/simulator-health';
import { createPoliceSimulator } from '@lgsp/simulator-police';
import { createCatalogSubgraph, loadCatalogConfig } from '@lgsp/subgraph-catalog';
import { createEgovSubgraph, loadEgovConfig } from '@lgsp/subgraph-egov';
import { createEnvironmentSubgraph, loadEnvironmentConfig } from '@lgsp/subgraph-environment';
import { createHealthSubgraph, loadHealthConfig } from '@lgsp/subgraph-health';
import type { GatewayTrustOptions } from '@lgsp/subgraph-kit';
import { createPoliceSubgraph, loadPoliceConfig } from '@lgsp/subgraph-police';
import type { Logger } from 'pino';

/** The five provincial systems, in the order of schema/subgraphs.json and of the `npm start` ports. */
export const provinceSystems = ['catalog', 'egov', 'police', 'health', 'environment'] as const;
export type ProvinceSystem = (typeof provinceSystems)[number];

/**
 * The hub's default clock: the egov simulator's fixed "now" (2026-11-25 12:00 +07:00). Its data covers the 18 months
 * before; police cases run 2024-07-01…2025-12-31 and health weeks 2024-W26…2025-W52, so June 2025 (the last month of
 * district 148 and its 151 old communes) has data in every system.
 */
export const hubNow: Date = defaultNow;

/** What the harness passes every system it starts. */
export interface SystemStartOptions {
  now: Date;
  log: Logger;
  /** Config values per subgraph, overlaid on the harness's (see each subgraph's config.ts). */
  values: Record<string, unknown>;
  /** The gateway's public keys; every subgraph then refuses calls without the gateway's assertion. */
  gatewayTrust?: GatewayTrustOptions;
}

/** A started subgraph, as the harness needs it. */
export interface StartedSubgraph {
  url: string;
  close(): Promise<void>;
}

/** Starts one system's simulator on port 0 with the hub's clock. */
export async function startSimulator(system: ProvinceSystem, now: Date): Promise<SimulatorServer> {
  const clock = () => now.getTime();
  switch (system) {
    case 'catalog':
      return createCatalogSimulator({ port: 0, now: clock });
    case 'egov':
      return createEgovSimulator({ port: 0, now });
    case 'police':
      return createPoliceSimulator({ port: 0, now: () => now });
    case 'health':
      return createHealthSimulator({ port: 0 });
    case 'environment':
      return createEnvironmentSimulator({ port: 0, now: clock });
  }
}

/** Merges plain objects key by key (arrays and other values in `extra` replace). */
export function deepMerge(
  base: Record<string, unknown>,
  extra: Record<string, unknown>,
): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(extra)) {
    const prev = out[key];
    const objects = [prev, value].every((v) => typeof v === 'object' && v !== null && !Array.isArray(v));
    out[key] = objects ? deepMerge(prev as Record<string, unknown>, value as Record<string, unknown>) : value;
  }
  return out;
}

/** Config values of one subgraph: port 0, its simulator's URL (with the API root each upstream expects). */
function valuesFor(system: ProvinceSystem, simulatorUrl: string, extra: Record<string, unknown>) {
  // The police system is one SOAP endpoint under the root; the others are REST APIs under /api/v1.
  const baseUrl = system === 'police' ? simulatorUrl : `${simulatorUrl}/api/v1`;
  return deepMerge({ port: 0, host: '127.0.0.1', upstream: { baseUrl } }, extra);
}

/** Starts one subgraph on port 0 against its simulator. */
export async function startSubgraph(
  system: ProvinceSystem,
  simulatorUrl: string,
  options: SystemStartOptions,
): Promise<StartedSubgraph> {
  const values = valuesFor(system, simulatorUrl, options.values);
  const env = {};
  const { log, gatewayTrust } = options;
  const clock = () => options.now.getTime();
  let started: { url: string | undefined; close(): Promise<void> };
  switch (system) {
    case 'catalog':
      started = await createCatalogSubgraph(loadCatalogConfig({ values, env }), { log, gatewayTrust });
      break;
    case 'egov':
      started = await createEgovSubgraph(loadEgovConfig(values, env), {
        log,
        gatewayTrust,
        now: () => options.now,
      });
      break;
    case 'police':
      started = await createPoliceSubgraph(loadPoliceConfig({ values, env }), {
        log,
        gatewayTrust,
        now: clock,
      });
      break;
    case 'health':
      started = await createHealthSubgraph(loadHealthConfig({ values, env }), { log, gatewayTrust });
      break;
    case 'environment':
      started = await createEnvironmentSubgraph(loadEnvironmentConfig({ values, env }), {
        log,
        gatewayTrust,
        now: clock,
      });
      break;
  }
  if (started.url === undefined) throw new Error(`${system} subgraph did not listen`);
  return { url: started.url, close: () => started.close() };
}
