import type { z } from 'zod';

export interface LoadConfigOptions {
  /** Values from a config file or from a test. Default `{}`. */
  values?: Record<string, unknown>;
  /** Environment to read; pass `{}` in tests. Default `process.env`. */
  env?: Record<string, string | undefined>;
  /**
   * Env prefix: key `upstream.baseUrl` is read from `<prefix>UPSTREAM__BASE_URL` (nested keys joined by `__`,
   * camelCase → SCREAMING_SNAKE). Default `''`.
   */
  prefix?: string;
}

/** Thrown with every problem at once, one per line. */
export class ConfigError extends Error {
  override readonly name = 'ConfigError';
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.problems = problems;
  }
}

type Leaf = 'number' | 'boolean' | 'array' | 'string';

interface ZodLike {
  def: { type: string; innerType?: ZodLike; in?: ZodLike; shape?: Record<string, ZodLike> };
}

function unwrap(schema: ZodLike): ZodLike {
  let current = schema;
  for (;;) {
    const { def } = current;
    if (
      def.innerType &&
      ['optional', 'default', 'nullable', 'prefault', 'catch', 'readonly'].includes(def.type)
    ) {
      current = def.innerType;
    } else if (def.type === 'pipe' && def.in) current = def.in;
    else return current;
  }
}

function leafKind(schema: ZodLike): Leaf {
  const { type } = unwrap(schema).def;
  return type === 'number' || type === 'int' || type === 'boolean' || type === 'array'
    ? type === 'int'
      ? 'number'
      : (type as Leaf)
    : 'string';
}

function screaming(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toUpperCase();
}

function coerce(kind: Leaf, raw: string): unknown {
  switch (kind) {
    case 'number':
      return raw.trim() === '' ? raw : Number(raw);
    case 'boolean':
      return ['true', '1', 'yes'].includes(raw.toLowerCase())
        ? true
        : ['false', '0', 'no'].includes(raw.toLowerCase())
          ? false
          : raw;
    case 'array':
      return raw
        .split(',')
        .map((item) => item.trim())
        .filter((item) => item !== '');
    case 'string':
      return raw;
  }
}

function overlayEnv(
  shape: Record<string, ZodLike>,
  values: Record<string, unknown>,
  env: Record<string, string | undefined>,
  envPrefix: string,
  names: Map<string, string>,
  path: string[],
): Record<string, unknown> {
  const merged: Record<string, unknown> = { ...values };
  for (const [key, schema] of Object.entries(shape)) {
    const envName = `${envPrefix}${screaming(key)}`;
    const inner = unwrap(schema);
    if (inner.def.type === 'object' && inner.def.shape) {
      const nested = values[key];
      const nestedValues =
        nested !== null && typeof nested === 'object' ? (nested as Record<string, unknown>) : {};
      const overlaid = overlayEnv(inner.def.shape, nestedValues, env, `${envName}__`, names, [...path, key]);
      if (nested !== undefined || Object.keys(overlaid).length > 0) merged[key] = overlaid;
      continue;
    }
    names.set([...path, key].join('.'), envName);
    const raw = env[envName];
    if (raw !== undefined) merged[key] = coerce(leafKind(schema), raw);
  }
  return merged;
}

/**
 * Validates config: `values` overlaid with environment variables (the environment wins, as operators expect),
 * against a zod object schema. Reports every problem at once, naming the env variable of each key.
 */
export function loadConfig<S extends z.ZodObject>(schema: S, options: LoadConfigOptions = {}): z.output<S> {
  const names = new Map<string, string>();
  const input = overlayEnv(
    (schema as unknown as ZodLike).def.shape ?? {},
    options.values ?? {},
    options.env ?? process.env,
    options.prefix ?? '',
    names,
    [],
  );
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw new ConfigError(
    result.error.issues.map((issue) => {
      const key = issue.path.join('.');
      const envName = names.get(key);
      return `${key || '(root)'}${envName ? ` (env ${envName})` : ''}: ${issue.message}`;
    }),
  );
}
