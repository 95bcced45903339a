/**
 * Applies the schema's auth rules to every field of every object type: a denied field
 * resolves to null with AppSync's "Not Authorized to access <field> on type <Type>" error.
 * Rules are computed once, when the schema is built, so a request pays one set lookup per field.
 */
import { defaultFieldResolver, GraphQLSchema, isObjectType } from 'graphql';
import { ApiError } from '../errors';
import { Caller, isAllowed, ruleFor } from './rules';

export interface AuthorizedContext {
  caller: Caller;
}

export function notAuthorized(fieldName: string, typeName: string): ApiError {
  return new ApiError('UNAUTHORIZED', `Not Authorized to access ${fieldName} on type ${typeName}`);
}

export function enforceAuthRules(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      const rule = ruleFor(type, field);
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context: AuthorizedContext, info) => {
        if (!isAllowed(rule, context.caller)) throw notAuthorized(field.name, type.name);
        return resolve(source, args, context, info);
      };
    }
  }
  return schema;
}
