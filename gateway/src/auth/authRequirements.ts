import {
  Kind,
  parse,
  valueFromASTUntyped,
  type DirectiveNode,
  type DefinitionNode,
  type DocumentNode,
} from 'graphql';

/** One condition a selection must meet; all conditions of a selection must hold. */
export type AuthClause =
  | { kind: 'authenticated'; source: string }
  /** `@requiresScopes`: satisfied when every scope of at least one inner list is held. */
  | { kind: 'scopes'; anyOf: string[][]; source: string }
  /** `@policy`: satisfied when every policy of at least one inner list is satisfied. */
  | { kind: 'policies'; anyOf: string[][]; source: string };

/** The access rules of a supergraph, by type name and by field coordinate (`Type.field`). */
export interface AuthRequirements {
  types: ReadonlyMap<string, readonly AuthClause[]>;
  fields: ReadonlyMap<string, readonly AuthClause[]>;
  /** The personal-data kind of each `@personalData` field, by coordinate. */
  personalData: ReadonlyMap<string, string>;
}

/** Spec URLs of the Federation auth directives as they appear in a supergraph's `@link`s. */
const SPECS = {
  authenticated: 'https://specs.apollo.dev/authenticated/',
  requiresScopes: 'https://specs.apollo.dev/requiresScopes/',
  policy: 'https://specs.apollo.dev/policy/',
} as const;

export interface CollectAuthRequirementsOptions {
  /** Name of the personal-data directive in the supergraph. Default: 'personalData'. */
  personalDataDirective?: string;
}

/** The local names of the auth directives: their spec name unless a `@link(..., as: "…")` renamed them. */
function directiveNames(document: DocumentNode): Record<keyof typeof SPECS, string> {
  const names: Record<keyof typeof SPECS, string> = {
    authenticated: 'authenticated',
    requiresScopes: 'requiresScopes',
    policy: 'policy',
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.SCHEMA_DEFINITION && definition.kind !== Kind.SCHEMA_EXTENSION) continue;
    for (const directive of definition.directives ?? []) {
      if (directive.name.value !== 'link') continue;
      const args = Object.fromEntries(
        (directive.arguments ?? []).map((arg) => [arg.name.value, valueFromASTUntyped(arg.value)]),
      );
      for (const [name, prefix] of Object.entries(SPECS) as [keyof typeof SPECS, string][]) {
        if (
          typeof args['url'] === 'string' &&
          args['url'].startsWith(prefix) &&
          typeof args['as'] === 'string'
        ) {
          names[name] = args['as'];
        }
      }
    }
  }
  return names;
}

function listOfLists(directive: DirectiveNode, argument: string): string[][] {
  const node = directive.arguments?.find((arg) => arg.name.value === argument);
  const value: unknown = node === undefined ? [] : valueFromASTUntyped(node.value);
  // Input coercion lets a single value stand for a list, so `scopes: "a"` means [["a"]].
  const outer = Array.isArray(value) ? value : [value];
  return outer.map((inner: unknown) => (Array.isArray(inner) ? inner : [inner]).map(String));
}

function clausesOf(
  directives: readonly DirectiveNode[] | undefined,
  names: Record<keyof typeof SPECS, string>,
  source: string,
): AuthClause[] {
  const clauses: AuthClause[] = [];
  for (const directive of directives ?? []) {
    const name = directive.name.value;
    if (name === names.authenticated) clauses.push({ kind: 'authenticated', source });
    else if (name === names.requiresScopes) {
      clauses.push({ kind: 'scopes', anyOf: listOfLists(directive, 'scopes'), source });
    } else if (name === names.policy) {
      clauses.push({ kind: 'policies', anyOf: listOfLists(directive, 'policies'), source });
    }
  }
  return clauses;
}

function append<V>(map: Map<string, V[]>, key: string, values: V[]): void {
  if (values.length === 0) return;
  map.set(key, [...(map.get(key) ?? []), ...values]);
}

function typeName(definition: DefinitionNode): string | undefined {
  return 'name' in definition &&
    definition.name !== undefined &&
    definition.kind !== Kind.DIRECTIVE_DEFINITION
    ? definition.name.value
    : undefined;
}

/**
 * Reads the access rules out of a supergraph: `@authenticated`, `@requiresScopes` and `@policy` on types and fields
 * (type extensions included), and the personal-data directive that subgraphs compose in with `@composeDirective`.
 */
export function collectAuthRequirements(
  supergraph: string | DocumentNode,
  options: CollectAuthRequirementsOptions = {},
): AuthRequirements {
  const document = typeof supergraph === 'string' ? parse(supergraph, { noLocation: true }) : supergraph;
  const names = directiveNames(document);
  const personalDataDirective = options.personalDataDirective ?? 'personalData';
  const types = new Map<string, AuthClause[]>();
  const fields = new Map<string, AuthClause[]>();
  const personalData = new Map<string, string>();

  for (const definition of document.definitions) {
    const type = typeName(definition);
    if (type === undefined) continue;
    append(
      types,
      type,
      clausesOf('directives' in definition ? definition.directives : undefined, names, type),
    );
    if (!('fields' in definition) || definition.fields === undefined) continue;
    for (const field of definition.fields) {
      if (field.kind !== Kind.FIELD_DEFINITION) continue;
      const coordinate = `${type}.${field.name.value}`;
      append(fields, coordinate, clausesOf(field.directives, names, coordinate));
      const marker = field.directives?.find((directive) => directive.name.value === personalDataDirective);
      const kind = marker?.arguments?.find((arg) => arg.name.value === 'kind');
      if (marker !== undefined) {
        personalData.set(coordinate, kind?.value.kind === Kind.ENUM ? kind.value.value : 'OTHER');
      }
    }
  }
  return { types, fields, personalData };
}
