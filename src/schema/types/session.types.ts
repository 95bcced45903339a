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
  CONFIRM_SIGN_IN_WITH_TOTP_CODE = 'CONFIRM_SIGN_IN_WITH_TOTP_CODE',
  CONFIRM_SIGN_IN_WITH_EMAIL_CODE = 'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
  CONFIRM_SIGN_IN_WITH_SMS_CODE = 'CONFIRM_SIGN_IN_WITH_SMS_CODE',
  CONFIRM_SIGN_IN_WITH_PASSWORD = 'CONFIRM_SIGN_IN_WITH_PASSWORD',
  CONTINUE_SIGN_IN_WITH_TOTP_SETUP = 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP',
  CONTINUE_SIGN_IN_WITH_MFA_SELECTION = 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION',
  CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION = 'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION',
  CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION = 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION',
}
registerEnumType(SignInStep, { name: 'SignInStep', description: 'What the client must do next to finish signing in.' });

/** The Cognito flow a sign-in starts (see the README: why the password flow, not SRP, by default). */
export enum SignInAuthFlow {
  USER_PASSWORD_AUTH = 'USER_PASSWORD_AUTH',
  USER_SRP_AUTH = 'USER_SRP_AUTH',
  USER_AUTH = 'USER_AUTH',
}
registerEnumType(SignInAuthFlow, {
  name: 'SignInAuthFlow',
  description:
    'USER_PASSWORD_AUTH: username and password, sent to Cognito over TLS (the default). USER_SRP_AUTH: the API proves the password to Cognito with SRP instead (a round trip more; for pools whose client allows no password flow). USER_AUTH: choice-based, including passwordless codes.',
});

/** USER_AUTH's first factors (Amplify's AuthFactorType, without the ones this API cannot run for a browser). */
export enum AuthFactor {
  PASSWORD = 'PASSWORD',
  EMAIL_OTP = 'EMAIL_OTP',
  SMS_OTP = 'SMS_OTP',
}
registerEnumType(AuthFactor, { name: 'AuthFactor', description: 'A first factor of USER_AUTH: the password, or a one-time code by email or SMS.' });

/** A second factor, as Amplify names it. */
export enum MfaType {
  TOTP = 'TOTP',
  EMAIL = 'EMAIL',
  SMS = 'SMS',
}
registerEnumType(MfaType, { name: 'MfaType', description: 'A second factor: an authenticator app (TOTP), or a code by email or SMS.' });

@InputType({ description: 'A remembered device, as newDevice gave it: the API proves it to Cognito (DEVICE_SRP_AUTH) so MFA is skipped.' })
export class DeviceInput {
  @Field() key!: string;
  @Field() groupKey!: string;
  @Field({ description: 'The device secret newDevice returned once. Kept by the client only.' }) secret!: string;
}

@InputType()
export class SignInInput {
  @Field() username!: string;
  @Field({ nullable: true, description: 'Required for USER_PASSWORD_AUTH and USER_SRP_AUTH, and for USER_AUTH with preferredChallenge PASSWORD.' }) password?: string;
  @Field(() => SignInAuthFlow, { nullable: true, description: 'USER_PASSWORD_AUTH unless given.' }) authFlow?: SignInAuthFlow;
  @Field(() => AuthFactor, {
    nullable: true,
    description: 'USER_AUTH: the first factor to use. Without it (or one the pool does not offer) the step is CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION.',
  })
  preferredChallenge?: AuthFactor;
  @Field(() => DeviceInput, { nullable: true, description: 'A device remembered at an earlier sign-in.' }) device?: DeviceInput;
  @Field({ nullable: true, description: 'The name a new device is recorded with (its User-Agent unless given). Cognito fixes it when the device is first seen.' })
  deviceName?: string;
}

@InputType()
export class ConfirmSignInInput {
  @Field({ description: 'The session from the previous step.' }) session!: string;
  @Field({
    description:
      'The answer to the step: the new password (NEW_PASSWORD_REQUIRED), the 6-digit code (TOTP, EMAIL or SMS code; TOTP_SETUP), a factor (MFA_SELECTION: TOTP, EMAIL or SMS; MFA_SETUP_SELECTION: TOTP; FIRST_FACTOR_SELECTION: PASSWORD, EMAIL_OTP or SMS_OTP), or the password (CONFIRM_SIGN_IN_WITH_PASSWORD).',
  })
  challengeResponse!: string;
  @Field(() => UserAttributesInput, { nullable: true, description: 'Values for missingAttributes.' })
  attributes?: UserAttributesInput;
  @Field(() => DeviceInput, { nullable: true, description: 'The remembered device given to signIn, again: a later step may need its proof.' })
  device?: DeviceInput;
  @Field({ nullable: true, description: 'As in signIn.' }) deviceName?: string;
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
@Directive('@aws_cognito_user_pools')
@ObjectType({ description: 'A TOTP secret to add to an authenticator app.' })
export class TotpSetupDetails {
  @Field({ description: 'The base32 secret, shown once.' }) sharedSecret!: string;
  @Field({ description: 'otpauth://totp/<issuer>:<user>?secret=…&issuer=…, for a QR code.' }) setupUri!: string;
}

@Directive('@aws_api_key')
@ObjectType()
export class SignInNextStep {
  @Field(() => SignInStep) signInStep!: SignInStep;
  @Field(() => CodeDeliveryDetails, { nullable: true }) codeDeliveryDetails?: CodeDeliveryDetails;
  @Field(() => [String], { nullable: true, description: 'Required attributes the user must supply (e.g. "email").' })
  missingAttributes?: string[];
  @Field(() => TotpSetupDetails, { nullable: true, description: 'CONTINUE_SIGN_IN_WITH_TOTP_SETUP: the secret to add, then confirm with a code.' })
  totpSetupDetails?: TotpSetupDetails;
  @Field(() => [MfaType], { nullable: true, description: 'CONTINUE_SIGN_IN_WITH_MFA_SELECTION / _SETUP_SELECTION: the factors to choose from.' })
  allowedMfaTypes?: MfaType[];
  @Field(() => [AuthFactor], { nullable: true, description: 'CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION: the first factors to choose from.' })
  availableChallenges?: AuthFactor[];
}

@Directive('@aws_api_key')
@ObjectType({ description: 'A device Cognito now knows, returned once: the client keeps the secret to be recognised on later sign-ins.' })
export class NewDevice {
  @Field() key!: string;
  @Field() groupKey!: string;
  @Field({ description: 'The device secret. Never stored by the API, never shown again.' }) secret!: string;
  @Field({ description: 'Whether it is already remembered; if not, rememberDevice(key) remembers it (the pool remembers on the user\'s prompt).' })
  remembered!: boolean;
}

@Directive('@aws_api_key')
@ObjectType({ description: 'The outcome of a sign-in step.' })
export class SignInResult {
  @Field() isSignedIn!: boolean;
  @Field(() => SignInNextStep) nextStep!: SignInNextStep;
  @Field({ nullable: true, description: 'Opaque; pass it to confirmSignIn. It lives 3 minutes.' }) session?: string;
  @Field(() => AuthTokens, { nullable: true }) tokens?: AuthTokens;
  @Field(() => NewDevice, { nullable: true, description: 'When this sign-in came from a device Cognito did not know: its keys and secret, once.' })
  newDevice?: NewDevice;
}
