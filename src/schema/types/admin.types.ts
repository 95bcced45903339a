import { Directive, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ADMINS_ONLY } from '../directives';
import { AWSDateTime } from '../scalars';
import { UserAttributesInput } from './account.types';
import { User } from './profile.types';

/** Attributes ListUsers can filter on (Cognito's filterable attributes; not custom ones). */
export enum FilterableAttribute {
  USERNAME = 'username',
  EMAIL = 'email',
  PHONE_NUMBER = 'phone_number',
  NAME = 'name',
  GIVEN_NAME = 'given_name',
  FAMILY_NAME = 'family_name',
  PREFERRED_USERNAME = 'preferred_username',
  SUB = 'sub',
  STATUS = 'cognito:user_status',
  ENABLED = 'status',
}
registerEnumType(FilterableAttribute, { name: 'FilterableAttribute', description: 'ENABLED compares with "Enabled" or "Disabled".' });

export enum FilterOperator {
  EQUALS = '=',
  STARTS_WITH = '^=',
}
registerEnumType(FilterOperator, { name: 'FilterOperator' });

@InputType({ description: 'One condition on one attribute, as Cognito allows.' })
export class UserFilterInput {
  @Field(() => FilterableAttribute) attribute!: FilterableAttribute;
  @Field(() => FilterOperator, { defaultValue: FilterOperator.EQUALS }) operator!: FilterOperator;
  @Field() value!: string;
}

@Directive('@aws_cognito_user_pools')
@ObjectType({ description: 'A page of users.' })
export class UserConnection {
  @Field(() => [User]) items!: User[];
  @Field({ nullable: true, description: 'Pass back to get the next page; absent on the last page.' }) nextToken?: string;
}

@Directive('@aws_cognito_user_pools')
@ObjectType({ description: 'A group of users; membership shows in tokens as cognito:groups.' })
export class Group {
  @Field() name!: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => Int, { nullable: true, description: 'Lower wins when a user is in several groups with roles.' }) precedence?: number;
  @Field({ nullable: true }) roleArn?: string;
  @Field(() => AWSDateTime) createdAt!: Date;
  @Field(() => AWSDateTime) updatedAt!: Date;
}

@Directive(ADMINS_ONLY)
@ObjectType({ description: 'A page of groups.' })
export class GroupConnection {
  @Field(() => [Group]) items!: Group[];
  @Field({ nullable: true }) nextToken?: string;
}

@InputType({ description: 'Attributes an admin may set, including the verification flags.' })
export class AdminUserAttributesInput extends UserAttributesInput {
  @Field({ nullable: true }) emailVerified?: boolean;
  @Field({ nullable: true }) phoneNumberVerified?: boolean;
}

@InputType()
export class AdminCreateUserInput {
  @Field({ description: 'The sign-in name: an email address in the default pool.' }) username!: string;
  @Field({ nullable: true, description: 'Generated when omitted.' }) temporaryPassword?: string;
  @Field(() => AdminUserAttributesInput, { nullable: true }) attributes?: AdminUserAttributesInput;
  @Field({ defaultValue: false, description: 'Create without sending the invitation.' }) suppressInvitation!: boolean;
  @Field({ defaultValue: false, description: 'Send a new invitation (and temporary password) to an invited user who has not signed in yet.' })
  resendInvitation!: boolean;
}

@InputType()
export class AdminSetUserPasswordInput {
  @Field() username!: string;
  @Field() password!: string;
  @Field({ defaultValue: true, description: 'False makes it a temporary password to change at next sign-in.' }) permanent!: boolean;
}

@InputType()
export class GroupInput {
  @Field() name!: string;
  @Field({ nullable: true }) description?: string;
  @Field(() => Int, { nullable: true }) precedence?: number;
  @Field({ nullable: true }) roleArn?: string;
}
