// Attaches resolver maps to an SDL schema (the few lines of graphql-tools' makeExecutableSchema this bench needs).
import { buildSchema, isObjectType } from 'graphql';

export function makeExecutableSchema(sdl, resolvers) {
  const schema = buildSchema(sdl);
  for (const [typeName, fields] of Object.entries(resolvers)) {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
    const fieldMap = type.getFields();
    for (const [fieldName, resolve] of Object.entries(fields)) fieldMap[fieldName].resolve = resolve;
  }
  return schema;
}
