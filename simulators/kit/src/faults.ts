/**
 * A fault to inject into the simulator's answers. Several effects may be combined: latency is applied first,
 * then the first of reset / timeout / status / malformed that is set.
 */
export interface FaultSpec {
  /**
   * Which requests: a route pattern exactly as declared (`/api/communes/:code`), optionally preceded by a method
   * (`GET /api/communes/:code`), or a path prefix (`/api/communes`). Default: every route.
   */
  route?: string;
  /** Added delay before answering, in ms. Default 0. */
  latencyMs?: number;
  /** Answer with this HTTP status and a small JSON error body instead of calling the handler. */
  status?: number;
  /** Destroy the connection without answering (the client sees a connection reset). */
  reset?: boolean;
  /** Never answer; the connection stays open until the client gives up or the simulator closes. */
  timeout?: boolean;
  /** Call the handler, then send a truncated, unparseable version of its body with the same content type. */
  malformed?: boolean;
  /** Apply to this many matching requests, then disappear. Default: until cleared. */
  times?: number;
}

export interface ActiveFault extends FaultSpec {
  id: number;
  /** How many requests this fault has hit so far. */
  hits: number;
}

export interface FaultTarget {
  method: string;
  path: string;
  /** The matched route pattern, if any. */
  pattern: string | undefined;
}

export function isFaultSpec(value: unknown): value is FaultSpec {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const spec = value as Record<string, unknown>;
  const optional = (key: string, type: string): boolean =>
    spec[key] === undefined || typeof spec[key] === type;
  return (
    optional('route', 'string') &&
    optional('latencyMs', 'number') &&
    optional('status', 'number') &&
    optional('reset', 'boolean') &&
    optional('timeout', 'boolean') &&
    optional('malformed', 'boolean') &&
    optional('times', 'number')
  );
}

/**
 * Reads fault specs from config text (e.g. an env variable): a JSON object or array of objects. Throws one error
 * naming every invalid entry.
 */
export function parseFaultSpecs(text: string): FaultSpec[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error('fault specs must be JSON: an object or an array of objects');
  }
  const list = Array.isArray(parsed) ? parsed : [parsed];
  const invalid = list.flatMap((spec, index) => (isFaultSpec(spec) ? [] : [index]));
  if (invalid.length > 0) throw new Error(`invalid fault spec at index ${invalid.join(', ')}`);
  return list as FaultSpec[];
}

function matches(fault: FaultSpec, target: FaultTarget): boolean {
  const { route } = fault;
  if (route === undefined || route === '' || route === '*') return true;
  if (target.pattern !== undefined) {
    if (route === target.pattern || route === `${target.method} ${target.pattern}`) return true;
  }
  return target.path.startsWith(route);
}

/** The simulator's set of active faults. */
export class FaultStore {
  #faults: ActiveFault[] = [];
  #nextId = 1;

  add(spec: FaultSpec): ActiveFault {
    const fault: ActiveFault = { ...spec, id: this.#nextId, hits: 0 };
    this.#nextId += 1;
    this.#faults.push(fault);
    return fault;
  }

  clear(): void {
    this.#faults = [];
  }

  list(): ActiveFault[] {
    return this.#faults.map((fault) => ({ ...fault }));
  }

  /** Takes the first fault matching the request, counting the hit and retiring the fault when its times run out. */
  take(target: FaultTarget): ActiveFault | undefined {
    const fault = this.#faults.find((candidate) => matches(candidate, target));
    if (!fault) return undefined;
    fault.hits += 1;
    if (fault.times !== undefined && fault.hits >= fault.times) {
      this.#faults = this.#faults.filter((candidate) => candidate !== fault);
    }
    return { ...fault };
  }
}

/** Makes a body unparseable (for JSON and XML alike) while keeping it recognisably close to the real one. */
export function corruptBody(body: string): string {
  return `${body.slice(0, Math.floor(body.length / 2))}<<<~~{"truncated`;
}
