/** Builds the executable schema: type-graphql resolvers, AppSync scalars and directives, auth rules applied. */
import 'reflect-metadata';
import { GraphQLSchema, specifiedDirectives } from 'graphql';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { buildSchemaSync } from 'type-graphql';
import { enforceAuthRules } from '../auth/enforce';
import { applyRateLimits } from '../auth/rateLimits';
import { AccountResolver } from '../resolvers/account.resolver';
import { AdminDirectoryResolver } from '../resolvers/adminDirectory.resolver';
import { AdminGroupsResolver } from '../resolvers/adminGroups.resolver';
import { AdminUsersResolver } from '../resolvers/adminUsers.resolver';
import { DevicesResolver } from '../resolvers/devices.resolver';
import { DirectoryResolver } from '../resolvers/directory.resolver';
import { GroupsResolver } from '../resolvers/groups.resolver';
import { MfaResolver } from '../resolvers/mfa.resolver';
import { ProfileResolver } from '../resolvers/profile.resolver';
import { SessionResolver } from '../resolvers/session.resolver';
import { UserSessionsResolver } from '../resolvers/userSessions.resolver';
import { authDirectives } from './directives';

export const resolvers = [
  AccountResolver,
  SessionResolver,
  ProfileResolver,
  GroupsResolver,
  DirectoryResolver,
  MfaResolver,
  DevicesResolver,
  UserSessionsResolver,
  AdminUsersResolver,
  AdminGroupsResolver,
  AdminDirectoryResolver,
] as const;

/** The schema as declared, before auth enforcement wraps its resolvers. */
export function buildDeclaredSchema(): GraphQLSchema {
  return buildSchemaSync({
    resolvers: [...resolvers],
    directives: [...specifiedDirectives, ...authDirectives],
    validate: false,
  });
}

/** Auth rules outermost, so a caller who may not run a field never draws from its rate limit. */
export function buildApiSchema(): GraphQLSchema {
  return enforceAuthRules(applyRateLimits(buildDeclaredSchema()));
}

/** The SDL committed as schema.graphql: the API's contract and its auth policy. */
export function printApiSchema(schema: GraphQLSchema = buildDeclaredSchema()): string {
  return `${printSchemaWithDirectives(schema).trim()}\n`;
}
