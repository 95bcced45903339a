import { Directive, Field, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { MfaType } from './session.types';

/** Amplify's MFA preference values (updateMFAPreference). */
export enum MfaPreferenceValue {
  ENABLED = 'ENABLED',
  DISABLED = 'DISABLED',
  PREFERRED = 'PREFERRED',
  NOT_PREFERRED = 'NOT_PREFERRED',
}
registerEnumType(MfaPreferenceValue, {
  name: 'MfaPreferenceValue',
  description: 'ENABLED / DISABLED turn a factor on or off; PREFERRED turns it on and makes it the one asked for; NOT_PREFERRED keeps it on, not preferred.',
});

@InputType({ description: 'A change to the factors; a factor left out stays as it is.' })
export class MfaFactorsInput {
  @Field(() => MfaPreferenceValue, { nullable: true }) totp?: MfaPreferenceValue;
  @Field(() => MfaPreferenceValue, { nullable: true }) email?: MfaPreferenceValue;
  @Field(() => MfaPreferenceValue, { nullable: true }) sms?: MfaPreferenceValue;
}

@InputType({ description: 'A change to the signed-in user\'s factors. It needs a sign-in in the last few minutes, or currentPassword.' })
export class MfaPreferenceInput extends MfaFactorsInput {
  @Field({ nullable: true, description: 'Needed unless this session signed in within the last 5 minutes.' }) currentPassword?: string;
  @Field({ nullable: true, description: "Ends the user's other sessions (their refresh and access tokens stop working)." }) endOtherSessions?: boolean;
}

@InputType()
export class VerifyTotpSetupInput {
  @Field({ description: 'A 6-digit code from the authenticator app.' }) code!: string;
  @Field({ nullable: true, description: 'A name for the authenticator.' }) friendlyDeviceName?: string;
  @Field({ nullable: true, description: 'Needed unless this session signed in within the last 5 minutes.' }) currentPassword?: string;
  @Field({ nullable: true, description: "Ends the user's other sessions." }) endOtherSessions?: boolean;
}

@Directive('@aws_cognito_user_pools')
@ObjectType({ description: "A user's second factors, in Amplify's shape (fetchMFAPreference)." })
export class MfaPreference {
  @Field(() => [MfaType], { description: 'The factors turned on.' }) enabled!: MfaType[];
  @Field(() => MfaType, { nullable: true, description: 'The one asked for at sign-in, if one is preferred.' }) preferred?: MfaType;
}

@Directive('@aws_cognito_user_pools')
@ObjectType()
export class MfaChangeResult {
  @Field(() => MfaPreference) mfaPreference!: MfaPreference;
  @Field({ description: 'Whether the other sessions were ended (endOtherSessions).' }) otherSessionsEnded!: boolean;
}
