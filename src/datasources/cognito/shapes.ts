/** Shapes Cognito's responses into the API's result types. */
import type { AuthenticationResultType, CodeDeliveryDetailsType } from '@aws-sdk/client-cognito-identity-provider';
import type { CodeDeliveryDetails, DeliveryMedium } from '../../schema/types/common.types';
import type { AuthTokens } from '../../schema/types/session.types';

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
