import type { ExecutionRequest, Executor } from '@graphql-tools/utils';
import {
  type ExecutionResult,
  GraphQLError,
  type GraphQLOutputType,
  isListType,
  isNonNullType,
} from 'graphql';
import type { Projection, QueryPlan } from './createQueryPlanner.js';
import { entitiesNames, type FetchNode, type SubgraphCall } from './groupSubgraphCalls.js';
import { locateEntityErrors, locateRootErrors } from './locatePlanErrors.js';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Merges a subgraph's answer into the response tree in place (objects by key, lists item by item). */
function deepMerge(target: JsonObject, source: JsonObject): void {
  for (const key in source) {
    const from = source[key]!;
    const to = target[key];
    if (isObject(to) && isObject(from)) deepMerge(to, from);
    else if (Array.isArray(to) && Array.isArray(from) && to.length === from.length) {
      for (let i = 0; i < to.length; i++) {
        const a = to[i];
        const b = from[i];
        if (isObject(a) && isObject(b)) deepMerge(a, b);
        else to[i] = b!;
      }
    } else if (to === undefined || from !== null) target[key] = from;
  }
}

/** The objects at `path` (lists flattened, nulls skipped). */
function objectsAt(root: JsonObject, path: readonly string[]): JsonObject[] {
  let level: Json[] = [root];
  for (const key of path) {
    const next: Json[] = [];
    for (const item of level) {
      if (!isObject(item)) continue;
      const value = item[key];
      if (Array.isArray(value)) flattenInto(value, next);
      else if (value !== undefined && value !== null) next.push(value);
    }
    level = next;
  }
  return level.filter(isObject);
}

function flattenInto(list: Json[], into: Json[]): void {
  for (const item of list) {
    if (Array.isArray(item)) flattenInto(item, into);
    else if (item !== null) into.push(item);
  }
}

interface RunState {
  data: JsonObject;
  errors: GraphQLError[];
  executors: ReadonlyMap<string, Executor>;
  variables: Record<string, unknown>;
  context: unknown;
  running: Map<SubgraphCall, Promise<void>>;
}

async function send(state: RunState, call: SubgraphCall, variables: Record<string, unknown>) {
  const executor = state.executors.get(call.graph);
  if (!executor) throw new Error(`no executor for subgraph ${call.graph}`);
  const request: ExecutionRequest = { document: call.document, variables, context: state.context };
  const result = (await executor(request)) as ExecutionResult;
  const data = result.data as JsonObject | null | undefined;
  return { data, errors: result.errors ?? [], failed: data === null || data === undefined };
}

/** Representations of the objects a fetch extends (deduplicated), and which one each object gets. */
function representationsFor(state: RunState, fetch: FetchNode) {
  const targets = objectsAt(state.data, fetch.path);
  const representations: JsonObject[] = [];
  const byRepresentation = new Map<string, number>();
  const slots: number[] = [];
  for (const target of targets) {
    const representation: JsonObject = { __typename: fetch.entityType! };
    for (const name of fetch.required) representation[name] = target[name] ?? null;
    const key = JSON.stringify(representation);
    let slot = byRepresentation.get(key);
    if (slot === undefined) {
      slot = representations.length;
      byRepresentation.set(key, slot);
      representations.push(representation);
    }
    slots.push(slot);
  }
  return { targets, representations, slots };
}

async function runCall(state: RunState, call: SubgraphCall): Promise<void> {
  await Promise.all(call.after.map((c) => start(state, c)));
  const variables: Record<string, unknown> = {};
  for (const name of call.variables)
    if (state.variables[name] !== undefined) variables[name] = state.variables[name];
  if (call.fetches[0]!.entityType === undefined) {
    const { data, errors, failed } = await send(state, call, variables);
    if (data) deepMerge(state.data, data);
    state.errors.push(...locateRootErrors(errors, call.fetches[0]!, failed));
    return;
  }
  const parts = call.fetches.map((fetch) => representationsFor(state, fetch));
  if (parts.every((p) => p.targets.length === 0)) return;
  parts.forEach((p, i) => (variables[entitiesNames(call, i).variable] = p.representations));
  const { data, errors, failed } = await send(state, call, variables);
  if (errors.length) state.errors.push(...locateEntityErrors(errors, call, parts, state.data, failed));
  parts.forEach((p, i) => {
    const entities = data?.[entitiesNames(call, i).field];
    if (!Array.isArray(entities)) return;
    for (let t = 0; t < p.targets.length; t++) {
      const entity = entities[p.slots[t]!];
      if (isObject(entity)) deepMerge(p.targets[t]!, entity);
    }
  });
}

function start(state: RunState, call: SubgraphCall): Promise<void> {
  let promise = state.running.get(call);
  if (!promise) state.running.set(call, (promise = runCall(state, call)));
  return promise;
}

const NULL_BUBBLE = Symbol('null');

function completeValue(
  value: Json | undefined,
  type: GraphQLOutputType,
  p: Projection,
  errors: GraphQLError[],
): Json | typeof NULL_BUBBLE {
  if (isNonNullType(type)) {
    const inner = completeValue(value, type.ofType, p, errors);
    return inner === null ? NULL_BUBBLE : inner;
  }
  if (value === undefined || value === null) return null;
  if (isListType(type)) {
    if (!Array.isArray(value)) return null;
    const out: Json[] = [];
    for (const item of value) {
      const completed = completeValue(item, type.ofType, p, errors);
      if (completed === NULL_BUBBLE) return null;
      out.push(completed);
    }
    return out;
  }
  if (!p.children) {
    if (p.enumValues && !p.enumValues.has(value as string)) {
      // A value the public schema hides (@inaccessible) is an error, as in graphql-js serialization.
      errors.push(new GraphQLError(`Enum value not allowed for ${p.key}`));
      return null;
    }
    return value;
  }
  if (!isObject(value)) return null;
  const object = completeObject(value, p.children, errors);
  return object === NULL_BUBBLE ? null : object;
}

/** Shapes one merged object into the client's selection; NULL_BUBBLE when a non-null field is missing. */
function completeObject(
  value: JsonObject,
  projection: Projection[],
  errors: GraphQLError[],
): JsonObject | typeof NULL_BUBBLE {
  const out: JsonObject = {};
  for (const p of projection) {
    if (p.name === '__typename') {
      out[p.key] = p.typeName!;
      continue;
    }
    const completed = completeValue(value[p.key], p.type, p, errors);
    if (completed === NULL_BUBBLE) return NULL_BUBBLE;
    out[p.key] = completed;
  }
  return out;
}

export interface PlanExecutionArgs {
  plan: QueryPlan;
  executors: ReadonlyMap<string, Executor>;
  variables: Record<string, unknown> | undefined;
  context: unknown;
}

/**
 * Runs a plan: each subgraph call as soon as the calls it needs are done, answers merged into one tree, then shaped
 * into the client's selection (aliases, order, `__typename`, null bubbling of non-null fields).
 */
export async function executeQueryPlan(args: PlanExecutionArgs): Promise<ExecutionResult> {
  const state: RunState = {
    data: {},
    errors: [],
    executors: args.executors,
    variables: args.variables ?? {},
    context: args.context,
    running: new Map(),
  };
  await Promise.all(args.plan.calls.map((c) => start(state, c)));
  const completed = completeObject(state.data, args.plan.projection, state.errors);
  const data = completed === NULL_BUBBLE ? null : completed;
  if (completed === NULL_BUBBLE && state.errors.length === 0) {
    state.errors.push(new GraphQLError('Cannot return null for non-nullable field'));
  }
  return state.errors.length ? { data, errors: state.errors } : { data };
}
