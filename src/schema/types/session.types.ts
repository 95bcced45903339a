import { Directive, Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { AWSDateTime } from '../scalars';
import { UserAttributesInput } from './account.types';
import { CodeDeliveryDetails } from './common.types';

/** Amplify Auth's sign-in steps; this API returns those its flows can reach. */
export enum SignInStep {
  DONE = 'DONE',
  CONFIRM_SIGN_UP = 'CONFIRM_SIGN_UP',
  RESET_PASSWORD = 'RESET_PASSWORD',
  CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED = 'CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED',
}
registerEnumType(SignInStep, { name: 'SignInStep', description: 'What the client must do next to finish signing in.' });

@InputType()
export class SignInInput {
  @Field() username!: string;
  @Field() password!: string;
}

@InputType()
export class ConfirmSignInInput {
  @Field({ description: 'The session from the previous step.' }) session!: string;
  @Field({ description: 'The answer to the challenge: the new password for CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED.' })
  challengeResponse!: string;
  @Field(() => UserAttributesInput, { nullable: true, description: 'Values for missingAttributes.' })
  attributes?: UserAttributesInput;
}

@InputType()
export class RefreshSessionInput {
  @Field() refreshToken!: string;
  @Field({ nullable: true, description: "The user's sub; needed only when the app client has a secret." })
  username?: string;
}

@InputType()
export class SignOutInput {
  @Field({ description: 'The refresh token to revoke.' }) refreshToken!: string;
}

@Directive('@aws_api_key')
@Directive('@aws_cognito_user_pools')
@ObjectType({ description: 'Tokens for a signed-in session.' })
export class AuthTokens {
  @Field() accessToken!: string;
  @Field() idToken!: string;
  @Field({ nullable: true, description: 'Absent on refreshSession: the refresh token stays the same.' }) refreshToken?: string;
  @Field() tokenType!: string;
  @Field(() => Int, { description: 'Seconds until the access token expires.' }) expiresIn!: number;
  @Field(() => AWSDateTime) expiresAt!: Date;
}

@Directive('@aws_api_key')
@ObjectType()
export class SignInNextStep {
  @Field(() => SignInStep) signInStep!: SignInStep;
  @Field(() => CodeDeliveryDetails, { nullable: true }) codeDeliveryDetails?: CodeDeliveryDetails;
  @Field(() => [String], { nullable: true, description: 'Required attributes the user must supply (e.g. "email").' })
  missingAttributes?: string[];
}

@Directive('@aws_api_key')
@ObjectType({ description: 'The outcome of a sign-in step.' })
export class SignInResult {
  @Field() isSignedIn!: boolean;
  @Field(() => SignInNextStep) nextStep!: SignInNextStep;
  @Field({ nullable: true, description: 'Opaque; pass it to confirmSignIn.' }) session?: string;
  @Field(() => AuthTokens, { nullable: true }) tokens?: AuthTokens;
}
