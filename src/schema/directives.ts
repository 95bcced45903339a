/** AppSync's auth directives, declared so the schema validates and prints with them. */
import { DirectiveLocation, GraphQLDirective, GraphQLList, GraphQLString } from 'graphql';

const locations = [DirectiveLocation.OBJECT, DirectiveLocation.FIELD_DEFINITION];
const groupsArg = { cognito_groups: { type: new GraphQLList(GraphQLString) } };

export const authDirectives = [
  new GraphQLDirective({ name: 'aws_api_key', description: 'Open to callers with the app\'s API key (x-api-key).', locations }),
  new GraphQLDirective({
    name: 'aws_cognito_user_pools',
    description: 'Open to signed-in users (access token in Authorization), optionally only members of cognito_groups.',
    locations,
    args: groupsArg,
  }),
  new GraphQLDirective({ name: 'aws_auth', description: 'Legacy single-mode form of aws_cognito_user_pools.', locations, args: groupsArg }),
  new GraphQLDirective({ name: 'aws_iam', description: 'Open to IAM-signed callers (not used by this API).', locations }),
];

/** The rule for admin-only fields: signed-in members of the Admins group. */
export const ADMINS_ONLY = '@aws_cognito_user_pools(cognito_groups: ["Admins"])';
