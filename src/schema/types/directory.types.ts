import { Directive, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ADMINS_ONLY } from '../directives';
import { AWSDateTime, AWSJSON } from '../scalars';

export enum SecurityEventType {
  SIGNED_UP = 'SIGNED_UP',
  CONFIRMED = 'CONFIRMED',
  SIGN_IN = 'SIGN_IN',
  SIGN_IN_FAILED = 'SIGN_IN_FAILED',
  PASSWORD_CHANGED = 'PASSWORD_CHANGED',
  PASSWORD_RESET = 'PASSWORD_RESET',
  ATTRIBUTES_CHANGED = 'ATTRIBUTES_CHANGED',
  MFA_CHANGED = 'MFA_CHANGED',
  DEVICE_CHANGED = 'DEVICE_CHANGED',
  SIGNED_OUT_EVERYWHERE = 'SIGNED_OUT_EVERYWHERE',
  ADMIN_ACTION = 'ADMIN_ACTION',
}
registerEnumType(SecurityEventType, { name: 'SecurityEventType', description: 'What happened to the account.' });

@Directive('@aws_cognito_user_pools')
@ObjectType({ description: "The app's own record of a user, next to Cognito's: activity, preferences and policy." })
export class UserMetadata {
  @Field({ description: 'The user it belongs to.' }) sub!: string;
  @Field() username!: string;
  @Field({ nullable: true }) email?: string;
  @Field({ description: 'The account status, as last mirrored from Cognito.' }) status!: string;
  @Field() enabled!: boolean;
  @Field(() => AWSDateTime) createdAt!: Date;
  @Field(() => AWSDateTime, { nullable: true }) confirmedAt?: Date;
  @Field({ nullable: true, description: 'How the account came to be: SIGN_UP, ADMIN_CREATE_USER, MIGRATION or RECONCILE.' }) signUpSource?: string;
  @Field(() => AWSDateTime, { nullable: true }) lastSignInAt?: Date;
  @Field(() => Int) signInCount!: number;
  @Field({ nullable: true }) lastIp?: string;
  @Field({ nullable: true }) lastDevice?: string;
  @Field(() => AWSJSON, { nullable: true, description: "The user's preferences, a JSON object." }) preferences?: Record<string, unknown>;
  @Field({ nullable: true }) displayName?: string;
  @Field({ nullable: true }) locale?: string;
  @Field({ nullable: true }) plan?: string;
  @Field(() => [String], { description: 'Policy flags set by admins, e.g. "suspended" (sign-in refused).' }) flags!: string[];
  @Field(() => AWSJSON, { description: 'The indexed attributes (e.g. {"custom:tenant": "acme"}), as last mirrored.' }) indexed!: Record<string, string>;
}

@Directive('@aws_cognito_user_pools')
@ObjectType({ description: 'Something that happened to an account ("was this you?").' })
export class SecurityEvent {
  @Field() id!: string;
  @Field(() => SecurityEventType) type!: SecurityEventType;
  @Field(() => AWSDateTime) at!: Date;
  @Field({ nullable: true }) ip?: string;
  @Field({ nullable: true }) device?: string;
  @Field({ nullable: true, description: 'For ADMIN_ACTION: the admin who acted.' }) actor?: string;
  @Field({ nullable: true, description: 'What was done, where the type alone does not say (for ADMIN_ACTION, the operation).' }) action?: string;
}

@Directive('@aws_cognito_user_pools')
@ObjectType()
export class SecurityEventConnection {
  @Field(() => [SecurityEvent]) items!: SecurityEvent[];
  @Field({ nullable: true }) nextToken?: string;
}

@Directive(ADMINS_ONLY)
@ObjectType({ description: 'A page of directory records.' })
export class UserMetadataConnection {
  @Field(() => [UserMetadata]) items!: UserMetadata[];
  @Field({ nullable: true }) nextToken?: string;
}

@InputType()
export class PreferencesInput {
  @Field(() => AWSJSON, { nullable: true, description: 'A JSON object; replaces the stored preferences.' }) preferences?: unknown;
  @Field({ nullable: true }) displayName?: string;
  @Field({ nullable: true }) locale?: string;
}

@InputType()
export class AdminMetadataInput {
  @Field({ nullable: true }) plan?: string;
  @Field(() => [String], { nullable: true, description: 'Replaces the flags, e.g. ["suspended"].' }) flags?: string[];
}
