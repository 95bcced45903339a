/**
 * The auth policy as the test reads it from the printed SDL, independently of src/auth: AppSync's
 * rules (a field's directives override its type's; none at all means the default mode, any
 * signed-in user; naming modes restricts to them; cognito_groups restricts Cognito callers), which
 * callers can reach each object type, and minimal operations generated from argument types.
 */
import {
  astFromValue,
  buildSchema,
  ConstDirectiveNode,
  getNamedType,
  GraphQLField,
  GraphQLInputType,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  isScalarType,
  Kind,
  print,
} from 'graphql';

export type Caller = { kind: 'apiKey' } | { kind: 'cognito'; groups: string[] };
export interface Rule {
  apiKey: boolean;
  cognito: boolean;
  /** Cognito callers must be in one of these; undefined: any signed-in user. */
  groups?: string[];
}
type AnyField = GraphQLField<unknown, unknown>;

/** The SDL text, re-read into a schema whose AST nodes carry the printed directives. */
export const policySchema = (sdl: string): GraphQLSchema => buildSchema(sdl);

function ruleOf(directives: readonly ConstDirectiveNode[] | undefined): Rule | undefined {
  const auth = (directives ?? []).filter((d) => d.name.value.startsWith('aws_'));
  if (auth.length === 0) return undefined;
  const cognito = auth.filter((d) => ['aws_cognito_user_pools', 'aws_auth'].includes(d.name.value));
  const lists = cognito.map((d) => d.arguments?.find((a) => a.name.value === 'cognito_groups')?.value);
  const groups = lists.every((v) => v?.kind === Kind.LIST)
    ? lists.flatMap((v) => (v?.kind === Kind.LIST ? v.values.flatMap((g) => (g.kind === Kind.STRING ? [g.value] : [])) : []))
    : undefined;
  return { apiKey: auth.some((d) => d.name.value === 'aws_api_key'), cognito: cognito.length > 0, groups: cognito.length ? groups : undefined };
}

export const fieldRule = (field: AnyField): Rule | undefined => ruleOf(field.astNode?.directives);
export const typeRule = (type: GraphQLObjectType): Rule | undefined => ruleOf(type.astNode?.directives);
/** The rule that applies to a field: its own, else its type's, else the default mode. */
export const effectiveRule = (type: GraphQLObjectType, field: AnyField): Rule =>
  fieldRule(field) ?? typeRule(type) ?? { apiKey: false, cognito: true };

export function allows(rule: Rule, caller: Caller): boolean {
  if (caller.kind === 'apiKey') return rule.apiKey;
  return rule.cognito && (!rule.groups || rule.groups.some((g) => caller.groups.includes(g)));
}

export const describeCaller = (c: Caller): string => (c.kind === 'apiKey' ? 'API key' : c.groups.length ? `member of ${c.groups.join(',')}` : 'signed-in user');

/** The kinds of caller that matter: the API key, a user in no group, a member of each group named. */
export function callerKinds(sdl: string): Caller[] {
  const named = new Set([...sdl.matchAll(/cognito_groups:\s*\[([^\]]*)\]/g)].flatMap((m) => [...m[1].matchAll(/"([^"]+)"/g)].map((g) => g[1])));
  return [{ kind: 'apiKey' }, { kind: 'cognito', groups: [] }, ...[...named].map((g): Caller => ({ kind: 'cognito', groups: [g] }))];
}

export const roots = (schema: GraphQLSchema): GraphQLObjectType[] => [schema.getQueryType(), schema.getMutationType()].filter((t): t is GraphQLObjectType => !!t);

/** For each object type reachable from the roots: which callers can get there, and one way each does. */
export function reach(schema: GraphQLSchema, kinds: Caller[], from = roots(schema)): Map<string, Map<Caller, string>> {
  const reached = new Map<string, Map<Caller, string>>();
  const pending: { type: GraphQLObjectType; callers: Map<Caller, string> }[] = from.map((type) => ({
    type,
    callers: new Map(kinds.map((k) => [k, type.name])),
  }));
  while (pending.length) {
    const { type, callers } = pending.pop()!;
    for (const field of Object.values(type.getFields())) {
      const target = getNamedType(field.type);
      if (!isObjectType(target)) continue;
      const known = reached.get(target.name) ?? new Map<Caller, string>();
      const added = new Map<Caller, string>();
      for (const [caller, via] of callers) {
        if (allows(effectiveRule(type, field), caller) && !known.has(caller)) added.set(caller, `${via}.${field.name}`);
      }
      if (added.size === 0) continue;
      reached.set(target.name, new Map([...known, ...added]));
      pending.push({ type: target, callers: added });
    }
  }
  return reached;
}

/**
 * What is wrong with the policy: reachable fields with no rule of their own or of their type,
 * fields that nobody who can reach their type may read, and types whose rule refuses a caller
 * that a field leading to them lets through.
 */
export function policyViolations(sdl: string): string[] {
  const schema = policySchema(sdl);
  const problems: string[] = [];
  for (const root of roots(schema)) {
    for (const field of Object.values(root.getFields())) if (!fieldRule(field)) problems.push(`${root.name}.${field.name} has no auth directive`);
  }
  for (const [name, callers] of reach(schema, callerKinds(sdl))) {
    const type = schema.getType(name) as GraphQLObjectType;
    const rule = typeRule(type);
    for (const field of Object.values(type.getFields())) {
      if (!rule && !fieldRule(field)) problems.push(`${name}.${field.name} has no auth rule (field or type)`);
      if (![...callers.keys()].some((c) => allows(effectiveRule(type, field), c))) problems.push(`${name}.${field.name} refuses everyone who can reach ${name}`);
    }
    for (const [caller, via] of callers) {
      if (rule && !allows(rule, caller)) problems.push(`${name} refuses the ${describeCaller(caller)} that reaches it through ${via}`);
    }
  }
  return problems;
}

const SCALARS: Record<string, unknown> = {
  String: 'x',
  ID: 'x',
  Int: 1,
  Float: 1,
  Boolean: true,
  AWSEmail: 'x@example.com',
  AWSPhone: '+14155550123',
  AWSJSON: '{}',
  AWSDateTime: '2026-01-01T00:00:00.000Z',
  AWSDate: '2026-01-01',
  AWSTimestamp: 1,
  AWSURL: 'https://example.com',
  AWSIPAddress: '127.0.0.1',
};

/** A minimal valid value: scalars by type, the first enum value, input objects with required fields only. */
export function sampleValue(type: GraphQLInputType): unknown {
  if (isNonNullType(type)) return sampleValue(type.ofType);
  if (isListType(type)) return [sampleValue(type.ofType)];
  if (isEnumType(type)) return type.getValues()[0].value;
  if (isInputObjectType(type)) {
    const fields = Object.values(type.getFields()).filter((f) => isNonNullType(f.type) && f.defaultValue === undefined);
    return Object.fromEntries(fields.map((f) => [f.name, sampleValue(f.type)]));
  }
  if (isScalarType(type) && type.name in SCALARS) return SCALARS[type.name];
  throw new Error(`no sample value for ${String(type)}: add one to SCALARS`);
}

/**
 * `name(required: <sample>, ...)`, with optional arguments left out; `smallPages` asks for pages
 * of one, so a sweep through nested lists stays within the cost limit.
 */
export function fieldCall(field: AnyField, smallPages = false): string {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const args = required.map((a) => `${a.name}: ${print(astFromValue(sampleValue(a.type), a.type)!)}`);
  if (smallPages && field.args.some((a) => a.name === 'limit')) args.push('limit: 1');
  return args.length ? `${field.name}(${args.join(', ')})` : field.name;
}

/** The smallest operation that calls one root field: __typename for object results. */
export function minimalOperation(root: GraphQLObjectType, field: AnyField): string {
  const selection = isObjectType(getNamedType(field.type)) ? ' { __typename }' : '';
  return `${root.name === 'Mutation' ? 'mutation' : 'query'} { ${fieldCall(field)}${selection} }`;
}

/** `field` with every field below it selected, each object type at most once on a path (so cycles end). */
function selectEverything(field: AnyField, path: string[]): string | undefined {
  const target = getNamedType(field.type);
  if (!isObjectType(target)) return field.name;
  if (path.includes(target.name)) return undefined;
  const below = Object.values(target.getFields()).flatMap((f) => selectEverything(f, [...path, target.name]) ?? []);
  return `${fieldCall(field, true)} { __typename ${below.join(' ')} }`;
}

/** A query that calls one root field and selects everything under it. */
export function everythingOperation(root: GraphQLObjectType, field: AnyField): string {
  return `${root.name === 'Mutation' ? 'mutation' : 'query'} { ${selectEverything(field, [])} }`;
}

/** The (type, field) an error path points at, walking the types from `root` (list indexes skipped). */
export function fieldAt(root: GraphQLObjectType, path: readonly (string | number)[]): { type: GraphQLObjectType; field: AnyField } {
  let type = root;
  const names = path.filter((p): p is string => typeof p === 'string');
  for (const [i, name] of names.entries()) {
    const field = type.getFields()[name];
    if (i === names.length - 1) return { type, field };
    type = getNamedType(field.type) as GraphQLObjectType;
  }
  throw new Error(`empty path ${JSON.stringify(path)}`);
}
