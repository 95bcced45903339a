import { Directive, Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AWSDateTime, AWSEmail, AWSJSON, AWSPhone } from '../scalars';
import { CodeDeliveryDetails } from './common.types';
import { AuthTokens } from './session.types';

export enum UserStatus {
  UNCONFIRMED = 'UNCONFIRMED',
  CONFIRMED = 'CONFIRMED',
  FORCE_CHANGE_PASSWORD = 'FORCE_CHANGE_PASSWORD',
  RESET_REQUIRED = 'RESET_REQUIRED',
  EXTERNAL_PROVIDER = 'EXTERNAL_PROVIDER',
  ARCHIVED = 'ARCHIVED',
  COMPROMISED = 'COMPROMISED',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(UserStatus, { name: 'UserStatus' });

export enum VerifiableAttribute {
  EMAIL = 'email',
  PHONE_NUMBER = 'phone_number',
}
registerEnumType(VerifiableAttribute, { name: 'VerifiableAttribute' });

@Directive('@aws_cognito_user_pools')
@ObjectType({ description: 'A user of the pool, with their attributes.' })
export class User {
  @Field({ description: 'The username (the sub, in pools that sign in with email).' }) username!: string;
  @Field(() => ID) sub!: string;
  @Field(() => UserStatus) status!: UserStatus;
  @Field() enabled!: boolean;
  @Field(() => AWSEmail, { nullable: true }) email?: string;
  @Field() emailVerified!: boolean;
  @Field(() => AWSPhone, { nullable: true }) phoneNumber?: string;
  @Field() phoneNumberVerified!: boolean;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true }) givenName?: string;
  @Field({ nullable: true }) familyName?: string;
  @Field({ nullable: true }) middleName?: string;
  @Field({ nullable: true }) nickname?: string;
  @Field({ nullable: true }) preferredUsername?: string;
  @Field({ nullable: true }) profile?: string;
  @Field({ nullable: true }) picture?: string;
  @Field({ nullable: true }) website?: string;
  @Field({ nullable: true }) gender?: string;
  @Field({ nullable: true }) birthdate?: string;
  @Field({ nullable: true }) zoneinfo?: string;
  @Field({ nullable: true }) locale?: string;
  @Field({ nullable: true }) address?: string;
  @Field(() => AWSJSON, { description: 'Custom attributes, names without the "custom:" prefix.' }) customAttributes!: Record<string, string>;
  @Field(() => AWSDateTime) createdAt!: Date;
  @Field(() => AWSDateTime) updatedAt!: Date;
}

@Directive('@aws_cognito_user_pools')
@ObjectType()
export class UpdateAttributesResult {
  @Field(() => User) user!: User;
  @Field(() => [CodeDeliveryDetails], { description: 'Codes sent to changed addresses that now need verifying.' })
  codeDeliveryDetails!: CodeDeliveryDetails[];
}

@InputType()
export class ChangePasswordInput {
  @Field() oldPassword!: string;
  @Field() newPassword!: string;
  @Field({
    nullable: true,
    defaultValue: false,
    description: "Keep the user's other sessions. By default they end, and this session continues with the tokens returned.",
  })
  keepOtherSessions?: boolean;
}

@Directive('@aws_cognito_user_pools')
@ObjectType()
export class ChangePasswordResult {
  @Field({ description: 'Whether every other session of the user was ended.' }) otherSessionsEnded!: boolean;
  @Field(() => AuthTokens, {
    nullable: true,
    description:
      "This session's new tokens, when the other sessions were ended: the old ones stop working. Null when keepOtherSessions was set, and for a user with MFA (their other sessions are ended one by one, and this one keeps its tokens).",
  })
  tokens?: AuthTokens;
}

@InputType()
export class ConfirmAttributeInput {
  @Field(() => VerifiableAttribute) attribute!: VerifiableAttribute;
  @Field() code!: string;
}
