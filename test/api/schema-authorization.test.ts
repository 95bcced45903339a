/**
 * The schema-wide proof of the auth policy. The expectations come from the printed SDL (read by
 * test/support/schemaPolicy.ts, not by src/auth), so a new field, or a changed directive, is
 * covered without editing this file:
 * - statically, every reachable field has a rule and every type lets through whoever can reach it;
 * - over HTTP, every root field is called by six callers, with arguments generated from its
 *   types: no credentials, a wrong API key and a disabled user's unexpired token get AppSync's
 *   401; a caller outside the field's rule gets the field null and an Unauthorized error; a
 *   caller inside it gets no Unauthorized error (other errors, e.g. for the sample input, are fine);
 * - every query is also sent selecting every nested field, and each Unauthorized error must be
 *   one the policy predicts, and each narrowing field rule must be seen to deny someone.
 */
import type { GraphQLObjectType } from 'graphql';
import { buildDeclaredSchema, printApiSchema } from '../../src/schema/build';
import { AdminDisableUserDocument } from '../generated/graphql';
import { API_KEY, Credentials, GraphQLResponse, startTestApi, TestApi } from '../support/api';
import { ADMINS, adminToken, createGroup, memberOf } from '../support/admin';
import { expectDenied, expectUnauthenticated } from '../support/expect';
import {
  allows,
  Caller,
  callerKinds,
  describeCaller,
  effectiveRule,
  everythingOperation,
  fieldAt,
  fieldRule,
  minimalOperation,
  policySchema,
  policyViolations,
  reach,
  roots,
} from '../support/schemaPolicy';
import { claimsOf, signedUpUser, uniqueEmail } from '../support/users';

const SDL = printApiSchema(buildDeclaredSchema());
const schema = policySchema(SDL);
const ROOT_FIELDS = roots(schema).flatMap((root) => Object.values(root.getFields()).map((field) => ({ root, field, name: `${root.name}.${field.name}` })));
const QUERY = schema.getQueryType()!;

describe('the policy in the SDL', () => {
  test('every reachable field has a rule, and every type lets through the callers that can reach it', () => {
    expect(policyViolations(SDL)).toEqual([]);
  });

  test('the check catches a field with no rule, a type with no rule, a type narrower than its way in, a field nobody may read', () => {
    const broken = `${SDL}
      type Leak { secret: String }
      extend type Query { unguarded: String leak: Leak @aws_api_key }
      extend type Mutation { adminSignIn: SignInResult @aws_cognito_user_pools(cognito_groups: ["Admins"]) }
      extend type User { apiKeyOnly: String @aws_api_key }`;
    expect(policyViolations(broken).sort()).toEqual([
      'Leak.secret has no auth rule (field or type)',
      'Leak.secret refuses everyone who can reach Leak',
      'Query.unguarded has no auth directive',
      'SignInResult refuses the member of Admins that reaches it through Mutation.adminSignIn',
      'User.apiKeyOnly refuses everyone who can reach User',
    ]);
  });

  test('every object type in the schema is reachable (so none escapes the checks above)', () => {
    const reached = new Set([...reach(schema, callerKinds(SDL)).keys(), ...roots(schema).map((r) => r.name)]);
    const objectTypes = Object.values(schema.getTypeMap()).filter((t) => t.astNode?.kind === 'ObjectTypeDefinition');
    expect(objectTypes.map((t) => t.name).filter((name) => !reached.has(name))).toEqual([]);
  });
});

interface HttpCaller {
  label: string;
  /** Who they are to the policy; undefined: refused with 401 before GraphQL runs. */
  as?: Caller;
  unauthenticated?: string;
  credentials: () => Credentials;
}

const NO_CREDENTIALS = 'Valid authorization header not provided.';
const BAD_API_KEY = 'You are not authorized to make this call.';
const STAFF = 'Staff';

let t: TestApi;
let seeded: string;
const tokens: Record<'user' | 'admin' | 'disabled', string> = { user: '', admin: '', disabled: '' };
/** Fresh for every mutation, so one that ends its caller's session or account spoils nothing. */
async function freshCallers(): Promise<void> {
  tokens.user = (await memberOf(t, seeded, uniqueEmail('sweep-user'), STAFF)).accessToken;
  tokens.admin = (await memberOf(t, seeded, uniqueEmail('sweep-admin'), ADMINS)).accessToken;
}

const CALLERS: HttpCaller[] = [
  { label: 'no credentials', unauthenticated: NO_CREDENTIALS, credentials: () => ({}) },
  { label: 'a wrong API key', unauthenticated: BAD_API_KEY, credentials: () => ({ apiKey: 'da2-wrong-key' }) },
  { label: 'the API key', as: { kind: 'apiKey' }, credentials: () => ({ apiKey: API_KEY }) },
  { label: 'a signed-in user', as: { kind: 'cognito', groups: [STAFF] }, credentials: () => ({ token: tokens.user }) },
  { label: 'an admin', as: { kind: 'cognito', groups: [ADMINS] }, credentials: () => ({ token: tokens.admin }) },
  { label: "a disabled user's unexpired token", unauthenticated: NO_CREDENTIALS, credentials: () => ({ token: tokens.disabled }) },
];

beforeAll(async () => {
  t = await startTestApi();
  seeded = await adminToken(t);
  await createGroup(t, seeded, STAFF);
  await freshCallers();
  const disabled = await signedUpUser(t, uniqueEmail('sweep-disabled'));
  const response = await t.gql(AdminDisableUserDocument, { username: disabled.sub }, { token: seeded });
  expect(response.data?.adminDisableUser?.enabled).toBe(false);
  expect((claimsOf(disabled.accessToken).exp as number) * 1000).toBeGreaterThan(Date.now() + 60_000);
  tokens.disabled = disabled.accessToken;
}, 60_000);
afterAll(() => t.stop());

const unauthorizedErrors = (response: GraphQLResponse<unknown>) => (response.errors ?? []).filter((e) => e.errorType === 'Unauthorized');

describe('every root field, called by every kind of caller', () => {
  test.each(ROOT_FIELDS)('$name', async ({ root, field }) => {
    if (root.name === 'Mutation') await freshCallers();
    const query = minimalOperation(root, field);
    for (const caller of CALLERS) {
      const response = await t.raw({ query }, caller.credentials());
      const context = `${caller.label} on ${root.name}.${field.name}: ${JSON.stringify(response.errors)}`;
      if (!caller.as) {
        expectUnauthenticated(response, caller.unauthenticated);
      } else if (allows(effectiveRule(root, field), caller.as)) {
        expect({ context, status: response.status, unauthorized: unauthorizedErrors(response) }).toEqual({ context, status: 200, unauthorized: [] });
        expect(Object.keys(response.data ?? {})).toEqual([field.name]);
      } else {
        expectDenied(response, field.name, root.name as 'Query' | 'Mutation');
        expect(response.data).toEqual({ [field.name]: null });
      }
    }
  });
});

describe('nested fields, through every query with everything selected', () => {
  const observed = new Set<string>();
  const SIGNED_IN = CALLERS.filter((c) => c.as);
  // The mutations' sweep ended the last callers' sessions (globalSignOut, deleteMyAccount...).
  beforeAll(freshCallers);

  test.each(Object.values(QUERY.getFields()).map((field) => ({ field, name: field.name })))('$name', async ({ field }) => {
    const query = everythingOperation(QUERY, field);
    for (const caller of SIGNED_IN) {
      const response = await t.raw({ query }, caller.credentials());
      expect(response.status).toBe(200);
      for (const error of unauthorizedErrors(response)) {
        const at = fieldAt(QUERY, error.path ?? []);
        const seen = { caller: caller.label, message: error.message, allowed: allows(effectiveRule(at.type, at.field), caller.as!) };
        expect(seen).toEqual({ caller: caller.label, message: `Not Authorized to access ${at.field.name} on type ${at.type.name}`, allowed: false });
        if (at.type !== QUERY) observed.add(`${at.type.name}.${at.field.name} denied to ${describeCaller(caller.as!)}`);
      }
    }
  });

  test('every field rule that refuses a caller who can reach its type was seen refusing them', () => {
    const expected = [...reach(schema, SIGNED_IN.map((c) => c.as!), [QUERY])].flatMap(([name, reachers]) => {
      const type = schema.getType(name) as GraphQLObjectType;
      const own = Object.values(type.getFields()).filter((f) => fieldRule(f));
      return own.flatMap((f) => [...reachers.keys()].filter((c) => !allows(fieldRule(f)!, c)).map((c) => `${name}.${f.name} denied to ${describeCaller(c)}`));
    });
    expect(expected.length).toBeGreaterThan(0);
    expect([...observed].sort()).toEqual([...new Set(expected)].sort());
  });
});
