import { type DocumentNode, parse } from 'graphql';
import { rememberPrinted } from '../upstream/printDocument.js';

/** One field of a subgraph selection, printed once at plan time. */
export interface PlanField {
  key: string;
  name: string;
  args: string;
  children: PlanField[] | undefined;
  /** Selected only for the plan (keys, required fields), not by the client. */
  internal: boolean;
}

/** What one subgraph must resolve: its root fields, or `entityType` objects found at `path` (an `_entities` call). */
export interface FetchNode {
  graph: string;
  entityType: string | undefined;
  /** Response keys from the root; lists on the way are flattened. */
  path: readonly string[];
  /** Fields read from the objects at `path` to build representations (`@key` and `@requires` fields). */
  required: string[];
  /** Fetches whose results this one needs (the parent that holds the keys, the ones that fetch `@requires`). */
  after: FetchNode[];
  fields: PlanField[];
  variables: Set<string>;
  /** Set for fetches of a field with `@requires` (they wait for the required fields). */
  requires: boolean;
}

/**
 * One HTTP call of a plan: a root query, or several `_entities` fetches of one subgraph that become ready together,
 * as aliased fields `_0`, `_1`, … each with its own `$_r<i>` representations, printed once.
 */
export interface SubgraphCall {
  graph: string;
  fetches: FetchNode[];
  after: SubgraphCall[];
  variables: Set<string>;
  document: DocumentNode;
  query: string;
}

/** Thrown when the plan cannot be printed (a variable name taken by the client); the caller falls back. */
export class UnprintablePlan extends Error {}

function dependsOn(from: FetchNode, target: FetchNode, seen = new Set<FetchNode>()): boolean {
  for (const f of from.after) {
    if (f === target) return true;
    if (!seen.has(f)) {
      seen.add(f);
      if (dependsOn(f, target, seen)) return true;
    }
  }
  return false;
}

/**
 * A subgraph's plain fetch and its `@requires` fetch at the same place become one call (the plain fields wait for the
 * required ones): one call fewer per place, unless that would make a cycle.
 */
function mergePlainIntoRequires(fetches: FetchNode[]): FetchNode[] {
  const removed = new Set<FetchNode>();
  for (const r of fetches) {
    if (!r.requires) continue;
    const plain = fetches.find(
      (p) =>
        !p.requires &&
        !removed.has(p) &&
        p.graph === r.graph &&
        p.entityType === r.entityType &&
        p.path.join('.') === r.path.join('.'),
    );
    if (!plain || r.after.some((a) => a === plain || dependsOn(a, plain))) continue;
    for (const f of plain.fields) if (!r.fields.some((x) => x.key === f.key)) r.fields.push(f);
    for (const k of plain.required) if (!r.required.includes(k)) r.required.push(k);
    for (const v of plain.variables) r.variables.add(v);
    for (const a of plain.after) if (a !== r && !r.after.includes(a)) r.after.push(a);
    for (const other of fetches) {
      const i = other.after.indexOf(plain);
      if (i < 0 || other === r) continue;
      other.after.splice(i, 1);
      if (!other.after.includes(r)) other.after.push(r);
    }
    removed.add(plain);
  }
  return fetches.filter((f) => !removed.has(f));
}

function printFields(fields: PlanField[]): string {
  return fields
    .map((f) => {
      const head = f.key === f.name ? f.name : `${f.key}:${f.name}`;
      return f.children ? `${head}${f.args}{${printFields(f.children)}}` : `${head}${f.args}`;
    })
    .join(' ');
}

/**
 * Where the i-th fetch of an entity call puts its representations and finds its answer: a call with one fetch uses
 * the conventional `$representations` and `_entities` (what subgraph authors and their logs expect), a grouped call
 * `$_r<i>` and the alias `_<i>`.
 */
export function entitiesNames(call: SubgraphCall, i: number): { variable: string; field: string } {
  return call.fetches.length === 1
    ? { variable: 'representations', field: '_entities' }
    : { variable: `_r${i}`, field: `_${i}` };
}

function printCall(call: SubgraphCall, definitions: ReadonlyMap<string, string>): string {
  const variables = [...call.variables].map((v) => {
    const definition = definitions.get(v);
    if (!definition) throw new UnprintablePlan(`undefined variable ${v}`);
    return definition;
  });
  const [first] = call.fetches;
  if (first!.entityType === undefined) {
    const head = variables.length ? `query(${variables.join(',')})` : 'query';
    return `${head}{${printFields(first!.fields)}}`;
  }
  const heads = call.fetches.map((_, i) => `$${entitiesNames(call, i).variable}:[_Any!]!`);
  const body = call.fetches.map((f, i) => {
    const { variable, field } = entitiesNames(call, i);
    const head = field === '_entities' ? field : `${field}:_entities`;
    return `${head}(representations:$${variable}){...on ${f.entityType}{${printFields(f.fields)}}}`;
  });
  return `query(${[...heads, ...variables].join(',')}){${body.join(' ')}}`;
}

function dependencyOrder(fetches: FetchNode[]): FetchNode[] {
  const ordered: FetchNode[] = [];
  const seen = new Set<FetchNode>();
  const visit = (f: FetchNode): void => {
    if (seen.has(f)) return;
    seen.add(f);
    f.after.forEach(visit);
    ordered.push(f);
  };
  fetches.forEach(visit);
  return ordered;
}

/**
 * Turns fetches into calls: plain + `@requires` fetches of one place merged, then the entity fetches of one subgraph
 * that wait for exactly the same calls grouped into one call (they would start in the same tick anyway). Grouping
 * in dependency order cannot make a cycle: a call's key names only calls made before it.
 */
export function groupSubgraphCalls(
  planned: FetchNode[],
  definitions: ReadonlyMap<string, string>,
): SubgraphCall[] {
  const fetches = mergePlainIntoRequires(planned);
  if (fetches.some((f) => [...f.variables].some((v) => /^(_r\d+|representations)$/.test(v)))) {
    throw new UnprintablePlan('variable name reserved for representations');
  }
  // In dependency order, so the calls a fetch waits for exist when its group key (subgraph + those calls) is made.
  const callOf = new Map<FetchNode, SubgraphCall>();
  const byKey = new Map<string, SubgraphCall>();
  const calls: SubgraphCall[] = [];
  for (const f of dependencyOrder(fetches)) {
    const after = [...new Set(f.after.map((a) => callOf.get(a)!))];
    const key =
      f.entityType === undefined
        ? `root|${f.graph}`
        : `${f.graph}|${after.map((c) => calls.indexOf(c)).sort()}`;
    let call = byKey.get(key);
    if (!call) {
      call = {
        graph: f.graph,
        fetches: [],
        after,
        variables: new Set(),
        document: undefined as never,
        query: '',
      };
      byKey.set(key, call);
      calls.push(call);
    }
    call.fetches.push(f);
    for (const v of f.variables) call.variables.add(v);
    callOf.set(f, call);
  }
  for (const call of calls) {
    call.query = printCall(call, definitions);
    call.document = parse(call.query, { noLocation: true });
    rememberPrinted(call.document, call.query);
  }
  return calls;
}
