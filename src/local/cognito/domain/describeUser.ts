/** The admin view of a user, as AdminGetUser and AdminCreateUser return it. */
import { attributeList } from './attributes';
import type { UserRecord } from './model';

export function describeUser(user: UserRecord, attributesKey: 'UserAttributes' | 'Attributes') {
  return {
    Username: user.username,
    [attributesKey]: attributeList(user),
    UserCreateDate: new Date(user.createdAt),
    UserLastModifiedDate: new Date(user.modifiedAt),
    Enabled: user.enabled,
    UserStatus: user.status,
    MFAOptions: [],
    UserMFASettingList: [],
  };
}
