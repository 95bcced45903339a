/** Shapes Cognito's responses into the API's result types. */
import { decomposeUnverifiedJwt } from 'aws-jwt-verify/jwt';
import type { AttributeType, AuthenticationResultType, CodeDeliveryDetailsType, GroupType } from '@aws-sdk/client-cognito-identity-provider';
import type { Group } from '../../schema/types/admin.types';
import type { CodeDeliveryDetails, DeliveryMedium } from '../../schema/types/common.types';
import type { User, UserStatus } from '../../schema/types/profile.types';
import type { AuthTokens } from '../../schema/types/session.types';
import { fromCognitoAttributes } from './attributes';

export function deliveryDetails(details: CodeDeliveryDetailsType | undefined): CodeDeliveryDetails | undefined {
  if (!details?.Destination) return undefined;
  return {
    destination: details.Destination,
    deliveryMedium: (details.DeliveryMedium ?? 'EMAIL') as DeliveryMedium,
    attributeName: details.AttributeName ?? 'email',
  };
}

export function authTokens(result: AuthenticationResultType, now = Date.now()): AuthTokens {
  const expiresIn = result.ExpiresIn ?? 3600;
  return {
    accessToken: result.AccessToken ?? '',
    idToken: result.IdToken ?? '',
    refreshToken: result.RefreshToken,
    tokenType: result.TokenType ?? 'Bearer',
    expiresIn,
    expiresAt: new Date(now + expiresIn * 1000),
  };
}

/** A Cognito user record (AdminGetUser, ListUsers, AdminCreateUser) as the API's User. */
export function toUser(record: {
  Username?: string;
  Attributes?: AttributeType[];
  UserAttributes?: AttributeType[];
  UserStatus?: string;
  Enabled?: boolean;
  UserCreateDate?: Date;
  UserLastModifiedDate?: Date;
}): User {
  return {
    ...(fromCognitoAttributes(record.Attributes ?? record.UserAttributes) as unknown as User),
    username: record.Username ?? '',
    status: (record.UserStatus ?? 'UNKNOWN') as UserStatus,
    enabled: record.Enabled ?? true,
    createdAt: record.UserCreateDate ?? new Date(0),
    updatedAt: record.UserLastModifiedDate ?? new Date(0),
  };
}

export function toGroup(group: GroupType): Group {
  return {
    name: group.GroupName ?? '',
    description: group.Description,
    precedence: group.Precedence,
    roleArn: group.RoleArn,
    createdAt: group.CreationDate ?? new Date(0),
    updatedAt: group.LastModifiedDate ?? new Date(0),
  };
}

/**
 * The claims of a token Cognito has just handed us over TLS, read without verifying the
 * signature (only for tokens received from Cognito, never for tokens a client sent).
 */
export interface IssuedClaims {
  sub?: string;
  username?: string;
  origin_jti?: string;
  /** When the session's sign-in happened (epoch seconds); refreshes keep it. */
  auth_time?: number;
  device_key?: string;
}

export function unverifiedClaims(token: string | undefined): IssuedClaims | undefined {
  try {
    return decomposeUnverifiedJwt(token).payload as IssuedClaims;
  } catch {
    return undefined;
  }
}
