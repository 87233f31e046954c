/** What `GET /__admin/stats` answers. */
export interface SimulatorStats {
  /** Requests received (admin routes excluded), faulted ones included. */
  total: number;
  /** Requests per route, keyed `METHOD pattern` (`GET /api/communes/:code`); unmatched ones under `unmatched`. */
  byRoute: Record<string, number>;
  /** The `x-request-id` values of the most recent requests, oldest first (requests without one are skipped). */
  recentRequestIds: string[];
}

export class RequestStats {
  #total = 0;
  #byRoute = new Map<string, number>();
  #recentRequestIds: string[] = [];
  readonly #keepRequestIds: number;

  constructor(keepRequestIds: number) {
    this.#keepRequestIds = keepRequestIds;
  }

  record(routeKey: string, requestId: string | undefined): void {
    this.#total += 1;
    this.#byRoute.set(routeKey, (this.#byRoute.get(routeKey) ?? 0) + 1);
    if (requestId !== undefined) {
      this.#recentRequestIds.push(requestId);
      if (this.#recentRequestIds.length > this.#keepRequestIds) this.#recentRequestIds.shift();
    }
  }

  reset(): void {
    this.#total = 0;
    this.#byRoute.clear();
    this.#recentRequestIds = [];
  }

  snapshot(): SimulatorStats {
    return {
      total: this.#total,
      byRoute: Object.fromEntries(this.#byRoute),
      recentRequestIds: [...this.#recentRequestIds],
    };
  }
}
