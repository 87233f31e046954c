/** The admin API every simulator built with @lgsp/simulator-kit serves (see simulators/kit/README.md). */
export interface SimulatorFault {
  route?: string;
  latencyMs?: number;
  status?: number;
  reset?: boolean;
  timeout?: boolean;
  malformed?: boolean;
  times?: number;
}

export interface SimulatorStatsSnapshot {
  total: number;
  byRoute: Record<string, number>;
  recentRequestIds: string[];
}

export interface SimulatorAdmin {
  addFault(fault: SimulatorFault): Promise<void>;
  clearFaults(): Promise<void>;
  stats(): Promise<SimulatorStatsSnapshot>;
  resetStats(): Promise<void>;
}

async function expectOk(response: Response, what: string): Promise<Response> {
  if (!response.ok) throw new Error(`simulator admin ${what} answered HTTP ${response.status}`);
  return response;
}

/** A client for a simulator's `/__admin/*` routes, over HTTP, so it works against simulators in other processes. */
export function createSimulatorAdmin(simulatorUrl: string): SimulatorAdmin {
  const base = simulatorUrl.replace(/\/$/, '');
  return {
    async addFault(fault) {
      await expectOk(
        await fetch(`${base}/__admin/faults`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(fault),
        }),
        'POST /__admin/faults',
      );
    },
    async clearFaults() {
      await expectOk(await fetch(`${base}/__admin/faults`, { method: 'DELETE' }), 'DELETE /__admin/faults');
    },
    async stats() {
      const response = await expectOk(await fetch(`${base}/__admin/stats`), 'GET /__admin/stats');
      return (await response.json()) as SimulatorStatsSnapshot;
    },
    async resetStats() {
      await expectOk(
        await fetch(`${base}/__admin/stats/reset`, { method: 'POST' }),
        'POST /__admin/stats/reset',
      );
    },
  };
}
