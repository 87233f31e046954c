import { GraphQLError } from 'graphql';
import { entitiesNames, type FetchNode, type SubgraphCall } from './groupSubgraphCalls.js';

type Segment = string | number;
type Tree = null | boolean | number | string | Tree[] | { [key: string]: Tree };

/** The response path of every object at `path` (list indices included), by object identity. */
function pathsAt(root: Tree, path: readonly string[]): Map<object, Segment[]> {
  let level: { value: Tree; at: Segment[] }[] = [{ value: root, at: [] }];
  for (const key of path) {
    const next: { value: Tree; at: Segment[] }[] = [];
    const push = (value: Tree, at: Segment[]): void => {
      if (Array.isArray(value)) value.forEach((item, i) => push(item, [...at, i]));
      else if (value !== null && value !== undefined) next.push({ value, at });
    };
    for (const { value, at } of level) {
      if (typeof value === 'object' && value !== null && !Array.isArray(value))
        push(value[key]!, [...at, key]);
    }
    level = next;
  }
  return new Map(level.filter((l) => typeof l.value === 'object').map((l) => [l.value as object, l.at]));
}

function at(error: GraphQLError, path: readonly Segment[]): GraphQLError {
  return new GraphQLError(error.message, { path, extensions: error.extensions });
}

function unlocated(error: GraphQLError): GraphQLError {
  return new GraphQLError(error.message, { extensions: error.extensions });
}

/**
 * Errors of a root call: a located error keeps its path; an unlocated one when the call gave no data at all (the
 * subgraph failed) is reported once per root field the client selected, as stitching does.
 */
export function locateRootErrors(
  errors: readonly GraphQLError[],
  fetch: FetchNode,
  failed: boolean,
): GraphQLError[] {
  return errors.flatMap((e) => {
    if (e.path || !failed) return [e];
    const fields = fetch.fields.filter((f) => !f.internal);
    return fields.length ? fields.map((f) => at(e, [f.key])) : [e];
  });
}

export interface EntityPart {
  targets: object[];
  slots: number[];
}

/**
 * Errors of an `_entities` call, moved to the client's paths: `_entities.3.x` (or `_1.3.x` in a grouped call) becomes
 * the path of every object that sent representation 3, then `x`; an unlocated error of a failed call is reported
 * once per object and selected field, so each missing value has its error (the police outage case of the province).
 */
export function locateEntityErrors(
  errors: readonly GraphQLError[],
  call: SubgraphCall,
  parts: readonly EntityPart[],
  data: Tree,
  failed: boolean,
): GraphQLError[] {
  const paths = new Map<FetchNode, Map<object, Segment[]>>();
  const pathsOf = (fetch: FetchNode) => {
    let found = paths.get(fetch);
    if (!found) paths.set(fetch, (found = pathsAt(data, fetch.path)));
    return found;
  };
  return errors.flatMap((e) => {
    const [field, index, ...rest] = e.path ?? [];
    const i = call.fetches.findIndex((_, n) => entitiesNames(call, n).field === field);
    if (i >= 0 && typeof index === 'number') {
      const part = parts[i]!;
      const located = part.targets
        .filter((_, t) => part.slots[t] === index)
        .map((target) => pathsOf(call.fetches[i]!).get(target))
        .filter((p) => p !== undefined)
        .map((p) => at(e, [...p, ...rest]));
      return located.length ? located : [unlocated(e)];
    }
    if (!failed) return [unlocated(e)];
    const spread = call.fetches.flatMap((fetch, n) => {
      const fields = fetch.fields.filter((f) => !f.internal);
      return parts[n]!.targets.flatMap((target) => {
        const p = pathsOf(fetch).get(target);
        return p ? fields.map((f) => at(e, [...p, f.key])) : [];
      });
    });
    return spread.length ? spread : [unlocated(e)];
  });
}
