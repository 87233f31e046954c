import { relocatedError } from '@graphql-tools/utils';
import {
  defaultFieldResolver,
  GraphQLError,
  type GraphQLFieldResolver,
  type GraphQLResolveInfo,
  type GraphQLSchema,
  isObjectType,
  responsePathAsArray,
} from 'graphql';

type Path = readonly (string | number)[];

/**
 * The path an error returned as the value of the field at `fieldPath` should have, or undefined when it already has it
 * or is about another field. Stitching locates an error of a batched entity fetch with the path of the list the first
 * entity came from plus the subgraph's path after `_entities[i]`: the list indices are missing or are another item's
 * (`districts.0.communes.c` for `districts.1.communes.1.c`). The field's own path has the right ones; what follows
 * the field's name in the error's path (a failed non-null field below it, with the subgraph's own indices) is kept.
 */
export function relocatedPath(fieldPath: Path, errorPath: Path): (string | number)[] | undefined {
  let e = 0;
  for (const segment of fieldPath) {
    if (typeof segment === 'number') continue;
    while (typeof errorPath[e] === 'number') e += 1;
    if (errorPath[e] !== segment) return undefined;
    e += 1;
  }
  const path = [...fieldPath, ...errorPath.slice(e)];
  return path.length === errorPath.length && path.every((segment, i) => segment === errorPath[i])
    ? undefined
    : path;
}

function relocate(value: unknown, info: GraphQLResolveInfo): unknown {
  if (value instanceof GraphQLError) {
    const path = value.path && relocatedPath(responsePathAsArray(info.path), value.path);
    return path ? relocatedError(value, path) : value;
  }
  if (value instanceof AggregateError) {
    const errors = value.errors.map((error: unknown) => relocate(error, info));
    return errors.some((error, i) => error !== value.errors[i])
      ? new AggregateError(errors, value.message)
      : value;
  }
  return value;
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/**
 * Gives errors that stitching stored in merged entity objects the path of the field that returns them, list indices
 * included, so a client can tell which item failed. Wraps the resolvers of fields on merged types only (the only
 * values a batched entity fetch fills); other fields and error-free values pass through unchanged. Mutates `schema`.
 */
export function relocateMergedFieldErrors(schema: GraphQLSchema): void {
  const stitchingInfo = schema.extensions['stitchingInfo'] as
    { mergedTypes?: Record<string, unknown> } | undefined;
  for (const typeName of Object.keys(stitchingInfo?.mergedTypes ?? {})) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) continue;
    for (const field of Object.values(type.getFields())) {
      const resolve: GraphQLFieldResolver<unknown, unknown> = field.resolve ?? defaultFieldResolver;
      field.resolve = (parent, args, context, info) => {
        const value = resolve(parent, args, context, info);
        return isPromiseLike(value)
          ? value.then((resolved) => relocate(resolved, info))
          : relocate(value, info);
      };
    }
  }
}
