/**
 * The pool settings the API's own checks depend on. Cognito fixes a pool's UsernameAttributes
 * when the pool is created, so one read serves for the life of the process (a failed read is
 * tried again next time).
 */
import { DescribeUserPoolCommand } from '@aws-sdk/client-cognito-identity-provider';
import type { CognitoGateway } from './gateway';

export class PoolDataSource {
  private usernameAttributes?: Promise<string[]>;

  constructor(private readonly cognito: CognitoGateway) {}

  /** The attributes users sign in with in place of a username (email, phone_number), if any. */
  signInAttributes(): Promise<string[]> {
    this.usernameAttributes ??= this.cognito
      .call('DescribeUserPool', (sdk) => sdk.send(new DescribeUserPoolCommand({ UserPoolId: this.cognito.settings.userPoolId })))
      .then((result) => result.UserPool?.UsernameAttributes ?? [])
      .catch((error: unknown) => {
        this.usernameAttributes = undefined;
        throw error;
      });
    return this.usernameAttributes;
  }
}
