/**
 * Cognito's user as the fields the directory mirrors, from the two places Cognito shows a user
 * outside the API: its own listings (ListUsers / AdminGetUser, with dates: reconcile) and a
 * trigger's event (attributes only, no dates: an estimate, see directory.ordering.ts).
 */
import type { AttributeType, UserStatusType } from '@aws-sdk/client-cognito-identity-provider';
import type { AppFields, MirroredFields } from './directory.types';

/** The indexed attributes a user has, by name (empty values left out). */
export function indexedOf(attributes: Record<string, string | undefined>, indexedAttributes: readonly string[]): Record<string, string> {
  const indexed: Record<string, string> = {};
  for (const name of indexedAttributes) {
    const value = attributes[name];
    if (value) indexed[name] = value;
  }
  return indexed;
}

const attributeMap = (list: AttributeType[] | undefined): Record<string, string> =>
  Object.fromEntries((list ?? []).filter((a) => a.Name !== undefined && a.Value !== undefined).map((a) => [a.Name!, a.Value!]));

/** What ListUsers and AdminGetUser say of a user (their attributes under either name). */
export interface CognitoUser {
  Username?: string;
  Attributes?: AttributeType[];
  UserAttributes?: AttributeType[];
  UserStatus?: UserStatusType | string;
  Enabled?: boolean;
  UserCreateDate?: Date;
  UserLastModifiedDate?: Date;
}

export function subOf(user: CognitoUser): string | undefined {
  return attributeMap(user.Attributes ?? user.UserAttributes).sub;
}

export function mirroredFromCognito(user: CognitoUser, indexedAttributes: readonly string[]): MirroredFields {
  const attributes = attributeMap(user.Attributes ?? user.UserAttributes);
  return {
    username: user.Username ?? '',
    email: attributes.email,
    status: user.UserStatus ?? 'UNKNOWN',
    enabled: user.Enabled !== false,
    createdAt: user.UserCreateDate?.getTime() ?? 0,
    cognitoModifiedAt: user.UserLastModifiedDate?.getTime() ?? 0,
    indexed: indexedOf(attributes, indexedAttributes),
  };
}

/**
 * A trigger's view: the state right after the event, dated by the trigger's clock. Users who can
 * confirm or sign in are enabled; `createdAt` is unknown, so `now` stands in until a real mirror.
 */
export function mirroredFromTrigger(userName: string, attributes: Record<string, string>, now: number, indexedAttributes: readonly string[]): MirroredFields {
  return {
    username: userName,
    email: attributes.email,
    status: attributes['cognito:user_status'] ?? 'CONFIRMED',
    enabled: true,
    createdAt: now,
    cognitoModifiedAt: now,
    indexed: indexedOf(attributes, indexedAttributes),
    estimated: true,
  };
}

/** How a user found in Cognito without a record most likely came to be. */
export function signUpSourceOf(status: string | undefined): NonNullable<AppFields['signUpSource']> {
  // Only SignUp makes an unconfirmed user, only AdminCreateUser one who must change a temporary password.
  if (status === 'UNCONFIRMED') return 'SIGN_UP';
  if (status === 'FORCE_CHANGE_PASSWORD') return 'ADMIN_CREATE_USER';
  return 'RECONCILE';
}
