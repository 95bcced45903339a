/**
 * AppSync's authorization rules, read from the directives in the built schema, so the printed
 * SDL is exactly the policy:
 * - a field's directives override its type's; with neither, only the default mode (Cognito
 *   user pools, any valid token) may read it;
 * - naming modes restricts to those modes; `cognito_groups` restricts Cognito callers to
 *   members of any listed group.
 */
import type { DirectiveNode, GraphQLField, GraphQLObjectType } from 'graphql';
import { Kind } from 'graphql';

export interface AuthRule {
  apiKey: boolean;
  cognito: boolean;
  /** When set, a Cognito caller must be in at least one of these groups. */
  groups?: string[];
}

export type Caller =
  | { mode: 'API_KEY' }
  | { mode: 'AMAZON_COGNITO_USER_POOLS'; groups: string[] }
  | { mode: 'NONE' };

const DEFAULT_RULE: AuthRule = { apiKey: false, cognito: true };
const AUTH_DIRECTIVES = new Set(['aws_api_key', 'aws_cognito_user_pools', 'aws_auth', 'aws_iam', 'aws_oidc', 'aws_lambda']);

function groupsArgument(directive: DirectiveNode): string[] | undefined {
  const arg = directive.arguments?.find((a) => a.name.value === 'cognito_groups');
  if (!arg || arg.value.kind !== Kind.LIST) return undefined;
  return arg.value.values.flatMap((v) => (v.kind === Kind.STRING ? [v.value] : []));
}

function ruleFrom(directives: readonly DirectiveNode[] | undefined): AuthRule | undefined {
  const auth = (directives ?? []).filter((d) => AUTH_DIRECTIVES.has(d.name.value));
  if (auth.length === 0) return undefined;
  const rule: AuthRule = { apiKey: false, cognito: false };
  for (const directive of auth) {
    if (directive.name.value === 'aws_api_key') rule.apiKey = true;
    if (directive.name.value === 'aws_cognito_user_pools' || directive.name.value === 'aws_auth') {
      rule.cognito = true;
      const groups = groupsArgument(directive);
      if (groups) rule.groups = [...(rule.groups ?? []), ...groups];
    }
  }
  return rule;
}

export function ruleFor(type: GraphQLObjectType, field: GraphQLField<unknown, unknown>): AuthRule {
  return ruleFrom(field.astNode?.directives) ?? ruleFrom(type.astNode?.directives) ?? DEFAULT_RULE;
}

export function isAllowed(rule: AuthRule, caller: Caller): boolean {
  switch (caller.mode) {
    case 'API_KEY':
      return rule.apiKey;
    case 'AMAZON_COGNITO_USER_POOLS':
      return rule.cognito && (!rule.groups || rule.groups.some((g) => caller.groups.includes(g)));
    default:
      return false;
  }
}
