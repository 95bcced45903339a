import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { AWSDateTime } from '../scalars';

@Directive('@aws_cognito_user_pools')
@ObjectType({ description: 'A device Cognito tracks for the user. Its name is set when the device is first confirmed; Cognito has no call to rename it.' })
export class Device {
  @Field(() => ID) key!: string;
  @Field({ nullable: true }) name?: string;
  @Field({ nullable: true, description: 'The address of its last sign-in.' }) lastIp?: string;
  @Field(() => AWSDateTime, { nullable: true }) createdAt?: Date;
  @Field(() => AWSDateTime, { nullable: true }) lastSignedInAt?: Date;
  @Field(() => AWSDateTime, { nullable: true }) lastModifiedAt?: Date;
  @Field({ description: 'Remembered: signing in from it skips MFA.' }) remembered!: boolean;
  @Field({ description: "Whether it is the device of the caller's session." }) current!: boolean;
}

@Directive('@aws_cognito_user_pools')
@ObjectType()
export class DeviceConnection {
  @Field(() => [Device]) items!: Device[];
  @Field({ nullable: true }) nextToken?: string;
}

@Directive('@aws_cognito_user_pools')
@ObjectType({ description: 'A sign-in session (a refresh-token family), as the user directory recorded it.' })
export class SignInSession {
  @Field(() => ID, { description: 'Pass it to endSession.' }) id!: string;
  @Field({ nullable: true, description: 'The User-Agent it signed in with.' }) device?: string;
  @Field({ nullable: true, description: 'The address it was last used from.' }) ip?: string;
  @Field(() => AWSDateTime) startedAt!: Date;
  @Field(() => AWSDateTime, { description: 'Its sign-in, or its last refresh (noted at most every few minutes).' }) lastUsedAt!: Date;
  @Field({ description: "Whether it is the caller's own session." }) current!: boolean;
}

@Directive('@aws_cognito_user_pools')
@ObjectType()
export class SignInSessionConnection {
  @Field(() => [SignInSession]) items!: SignInSession[];
  @Field({ nullable: true }) nextToken?: string;
}
