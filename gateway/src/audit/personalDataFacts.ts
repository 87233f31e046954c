import {
  isAbstractType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
} from 'graphql';
import { collectAuthRequirements } from '../auth/authRequirements.js';

/**
 * Personal-data kinds whose values identify a person (and so are worth finding later, by keyed hash: "who read this
 * CCCD / this plate / this phone number"). Names, birth dates, addresses and locations are personal data too, but
 * they are not identifiers: hashing them would find nobody.
 */
export const IDENTIFIER_KINDS: ReadonlySet<string> = new Set(['CCCD', 'PLATE', 'PHONE']);

export interface PersonalDataKinds {
  /** Kind of each `@personalData` coordinate (`VaccinationRecord.cccd` → `CCCD`). */
  byCoordinate: ReadonlyMap<string, string>;
  /**
   * Kind by field name alone (`cccd` → `CCCD`), for arguments: `vaccinationRecord(cccd:)` asks about a CCCD. A
   * variable bound to such an argument is stored as a keyed hash, never in clear.
   */
  byFieldName: ReadonlyMap<string, string>;
}

const kindsBySupergraph = new WeakMap<DocumentNode, PersonalDataKinds>();

/** The personal-data kinds of a supergraph, read once per loaded supergraph document. */
export function personalDataKindsOf(supergraph: DocumentNode): PersonalDataKinds {
  let kinds = kindsBySupergraph.get(supergraph);
  if (kinds === undefined) {
    const byCoordinate = collectAuthRequirements(supergraph).personalData;
    const byFieldName = new Map<string, string>();
    for (const [coordinate, kind] of byCoordinate) {
      byFieldName.set(coordinate.slice(coordinate.indexOf('.') + 1), kind);
    }
    kinds = { byCoordinate, byFieldName };
    kindsBySupergraph.set(supergraph, kinds);
  }
  return kinds;
}

/** What a document says about personal data, independent of the values: built once per document and schema. */
export interface DocumentPersonalData {
  /** Variables bound to identifier arguments, with the argument's kind. */
  variables: ReadonlyMap<string, string>;
  /** Identifier values written in the document itself (`vaccinationRecord(cccd: "017…")`). */
  literals: ReadonlyArray<{ kind: string; value: string }>;
  /** Response keys (alias or name) of identifier fields, with their kind. */
  responseKeys: ReadonlyMap<string, string>;
}

const byDocument = new WeakMap<DocumentNode, WeakMap<GraphQLSchema, DocumentPersonalData>>();

function analyse(schema: GraphQLSchema, document: DocumentNode, kinds: PersonalDataKinds) {
  const variables = new Map<string, string>();
  const literals: { kind: string; value: string }[] = [];
  const responseKeys = new Map<string, string>();
  const typeInfo = new TypeInfo(schema);
  visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Argument(node) {
        const kind = kinds.byFieldName.get(node.name.value);
        if (kind === undefined) return;
        if (node.value.kind === Kind.VARIABLE) variables.set(node.value.name.value, kind);
        else if (node.value.kind === Kind.STRING && IDENTIFIER_KINDS.has(kind))
          literals.push({ kind, value: node.value.value });
      },
      Field(node) {
        const parent = typeInfo.getParentType();
        if (!parent) return;
        const typeNames = isAbstractType(parent)
          ? schema.getPossibleTypes(parent).map((possible) => possible.name)
          : [parent.name];
        for (const typeName of typeNames) {
          const kind = kinds.byCoordinate.get(`${typeName}.${node.name.value}`);
          if (kind !== undefined && IDENTIFIER_KINDS.has(kind)) {
            responseKeys.set(node.alias?.value ?? node.name.value, kind);
            return;
          }
        }
      },
    }),
  );
  return { variables, literals, responseKeys };
}

/** The personal-data facts of a document against a schema (cached per document object and schema). */
export function documentPersonalData(
  schema: GraphQLSchema,
  document: DocumentNode,
  kinds: PersonalDataKinds,
): DocumentPersonalData {
  let bySchema = byDocument.get(document);
  if (bySchema === undefined) byDocument.set(document, (bySchema = new WeakMap()));
  let facts = bySchema.get(schema);
  if (facts === undefined) bySchema.set(schema, (facts = analyse(schema, document, kinds)));
  return facts;
}

/**
 * Identifier values found in an execution result (before masking), under the response keys of identifier fields.
 * A key reused by an alias for another field can add a value too many; that only adds a keyed hash, never drops one.
 */
export function identifierValues(
  data: unknown,
  responseKeys: ReadonlyMap<string, string>,
  out: { kind: string; value: string }[] = [],
): { kind: string; value: string }[] {
  if (responseKeys.size === 0) return out;
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (typeof node !== 'object' || node === null) return;
    for (const [key, value] of Object.entries(node)) {
      const kind = responseKeys.get(key);
      if (kind !== undefined && typeof value === 'string') out.push({ kind, value });
      else if (typeof value === 'object') walk(value);
    }
  };
  walk(data);
  return out;
}
