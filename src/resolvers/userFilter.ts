/** Turns the typed user filter into Cognito's ListUsers filter string, refusing what Cognito would. */
import { badInput } from '../errors';
import { FilterableAttribute, UserFilterInput } from '../schema/types/admin.types';
import { UserStatus } from '../schema/types/profile.types';

const MAX_VALUE = 256;

export function cognitoFilter(filter: UserFilterInput | undefined | null): string | undefined {
  if (!filter) return undefined;
  const { attribute, operator, value } = filter;
  if (value.length === 0 || value.length > MAX_VALUE) throw badInput(`filter.value must be 1 to ${MAX_VALUE} characters`, 'filter.value');
  // Cognito's filter grammar has no escaping for these.
  if (/["\\\p{Cc}]/u.test(value)) throw badInput('filter.value must not contain quotes, backslashes or control characters', 'filter.value');
  if (attribute === FilterableAttribute.ENABLED && !['Enabled', 'Disabled'].includes(value)) {
    throw badInput('filter.value for ENABLED must be "Enabled" or "Disabled"', 'filter.value');
  }
  if (attribute === FilterableAttribute.STATUS && !Object.values(UserStatus).includes(value as UserStatus)) {
    throw badInput(`filter.value for STATUS must be one of ${Object.values(UserStatus).join(', ')}`, 'filter.value');
  }
  return `${attribute} ${operator} "${value}"`;
}
