import { Directive, Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { AWSEmail, AWSJSON, AWSPhone } from '../scalars';
import { CodeDeliveryDetails } from './common.types';

/** Standard attributes a user may set on themselves; verification flags are not among them. */
@InputType({ description: "The user's own profile attributes. Omitted fields are left unchanged." })
export class UserAttributesInput {
  @Field(() => AWSEmail, { nullable: true }) email?: string;
  @Field(() => AWSPhone, { nullable: true }) phoneNumber?: string;
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
  @Field({ nullable: true, description: 'YYYY-MM-DD' }) birthdate?: string;
  @Field({ nullable: true }) zoneinfo?: string;
  @Field({ nullable: true }) locale?: string;
  @Field({ nullable: true }) address?: string;
  @Field(() => AWSJSON, { nullable: true, description: 'Custom attributes as a JSON object of strings, names without the "custom:" prefix.' })
  custom?: unknown;
}

@InputType()
export class SignUpInput {
  @Field({ description: 'The sign-in name: an email address in the default pool.' }) username!: string;
  @Field() password!: string;
  @Field(() => UserAttributesInput, { nullable: true }) attributes?: UserAttributesInput;
}

@InputType()
export class ConfirmSignUpInput {
  @Field() username!: string;
  @Field() code!: string;
}

@InputType()
export class UsernameInput {
  @Field() username!: string;
}

@InputType()
export class ConfirmResetPasswordInput {
  @Field() username!: string;
  @Field() code!: string;
  @Field() newPassword!: string;
}

export enum SignUpStep {
  CONFIRM_SIGN_UP = 'CONFIRM_SIGN_UP',
  DONE = 'DONE',
}
registerEnumType(SignUpStep, { name: 'SignUpStep' });

@Directive('@aws_api_key')
@ObjectType()
export class SignUpNextStep {
  @Field(() => SignUpStep) signUpStep!: SignUpStep;
  @Field(() => CodeDeliveryDetails, { nullable: true }) codeDeliveryDetails?: CodeDeliveryDetails;
}

@Directive('@aws_api_key')
@ObjectType({ description: 'The outcome of signUp or confirmSignUp, with the next step to take.' })
export class SignUpResult {
  @Field() isSignUpComplete!: boolean;
  @Field({ nullable: true, description: "The new user's sub (on signUp)." }) userId?: string;
  @Field(() => SignUpNextStep) nextStep!: SignUpNextStep;
}

@Directive('@aws_api_key')
@ObjectType({ description: 'Where the code for resendSignUpCode went.' })
export class ResendSignUpCodeResult {
  @Field(() => CodeDeliveryDetails) codeDeliveryDetails!: CodeDeliveryDetails;
}

export enum ResetPasswordStep {
  CONFIRM_RESET_PASSWORD_WITH_CODE = 'CONFIRM_RESET_PASSWORD_WITH_CODE',
  DONE = 'DONE',
}
registerEnumType(ResetPasswordStep, { name: 'ResetPasswordStep' });

@Directive('@aws_api_key')
@ObjectType()
export class ResetPasswordNextStep {
  @Field(() => ResetPasswordStep) resetPasswordStep!: ResetPasswordStep;
  @Field(() => CodeDeliveryDetails, { nullable: true }) codeDeliveryDetails?: CodeDeliveryDetails;
}

@Directive('@aws_api_key')
@ObjectType({ description: 'The outcome of resetPassword or confirmResetPassword.' })
export class ResetPasswordResult {
  @Field() isPasswordReset!: boolean;
  @Field(() => ResetPasswordNextStep) nextStep!: ResetPasswordNextStep;
}
