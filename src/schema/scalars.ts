/** AppSync's scalars, so the printed SDL could be deployed to AppSync unchanged. */
import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+[1-9][0-9]{4,14}$/;
const MAX_EMAIL_LENGTH = 254;

function stringScalar(name: string, description: string, check: (value: string) => boolean, problem: string): GraphQLScalarType<string, string> {
  const parse = (value: unknown): string => {
    if (typeof value !== 'string' || !check(value)) throw new GraphQLError(`${name}: ${problem}`, { extensions: { code: 'BAD_USER_INPUT' } });
    return value;
  };
  return new GraphQLScalarType<string, string>({
    name,
    description,
    serialize: (value) => String(value),
    parseValue: parse,
    parseLiteral: (ast) => parse(ast.kind === Kind.STRING ? ast.value : undefined),
  });
}

export const AWSEmail = stringScalar(
  'AWSEmail',
  'An email address (RFC 822 style, at most 254 characters).',
  (v) => v.length <= MAX_EMAIL_LENGTH && EMAIL.test(v),
  'must be a valid email address',
);

export const AWSPhone = stringScalar(
  'AWSPhone',
  'A phone number in E.164 format, for example +14155550123.',
  (v) => PHONE.test(v),
  'must be a phone number in E.164 format, such as +14155550123',
);

export const AWSDateTime = new GraphQLScalarType<Date, string>({
  name: 'AWSDateTime',
  description: 'An ISO 8601 date and time, for example 2026-11-22T07:21:00.000Z.',
  serialize: (value) => (value instanceof Date ? value : new Date(value as string)).toISOString(),
  parseValue: (value) => {
    const date = new Date(value as string);
    if (typeof value !== 'string' || Number.isNaN(date.getTime())) {
      throw new GraphQLError('AWSDateTime: must be an ISO 8601 date-time', { extensions: { code: 'BAD_USER_INPUT' } });
    }
    return date;
  },
});

export const AWSJSON = new GraphQLScalarType<unknown, string>({
  name: 'AWSJSON',
  description: 'A JSON value, sent and received as a string.',
  serialize: (value) => JSON.stringify(value),
  parseValue: (value) => {
    if (typeof value !== 'string') throw new GraphQLError('AWSJSON: must be a JSON string', { extensions: { code: 'BAD_USER_INPUT' } });
    try {
      return JSON.parse(value) as unknown;
    } catch {
      throw new GraphQLError('AWSJSON: not valid JSON', { extensions: { code: 'BAD_USER_INPUT' } });
    }
  },
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new GraphQLError('AWSJSON: must be a JSON string', { extensions: { code: 'BAD_USER_INPUT' } });
    return this.parseValue!(ast.value);
  },
});
