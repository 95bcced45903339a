/** Every operation the engine serves, by its Cognito name. One file per operation in ./operations. */
import type { Operation } from './services';
import { adminAddUserToGroup } from './operations/adminAddUserToGroup';
import { adminConfirmSignUp } from './operations/adminConfirmSignUp';
import { adminCreateUser } from './operations/adminCreateUser';
import { adminDeleteUser } from './operations/adminDeleteUser';
import { adminDeleteUserAttributes } from './operations/adminDeleteUserAttributes';
import { adminDisableUser } from './operations/adminDisableUser';
import { adminEnableUser } from './operations/adminEnableUser';
import { adminGetUser } from './operations/adminGetUser';
import { adminInitiateAuth } from './operations/adminInitiateAuth';
import { adminListUserAuthEvents } from './operations/adminListUserAuthEvents';
import { adminListGroupsForUser } from './operations/adminListGroupsForUser';
import { adminRemoveUserFromGroup } from './operations/adminRemoveUserFromGroup';
import { adminResetUserPassword } from './operations/adminResetUserPassword';
import { adminRespondToAuthChallenge } from './operations/adminRespondToAuthChallenge';
import { adminSetUserPassword } from './operations/adminSetUserPassword';
import { adminUpdateUserAttributes } from './operations/adminUpdateUserAttributes';
import { adminUserGlobalSignOut } from './operations/adminUserGlobalSignOut';
import { changePassword } from './operations/changePassword';
import { confirmForgotPassword } from './operations/confirmForgotPassword';
import { confirmSignUp } from './operations/confirmSignUp';
import { createGroup } from './operations/createGroup';
import { createUserPool } from './operations/createUserPool';
import { createUserPoolClient } from './operations/createUserPoolClient';
import { deleteGroup } from './operations/deleteGroup';
import { deleteUser } from './operations/deleteUser';
import { deleteUserAttributes } from './operations/deleteUserAttributes';
import { describeUserPool } from './operations/describeUserPool';
import { describeUserPoolClient } from './operations/describeUserPoolClient';
import { forgotPassword } from './operations/forgotPassword';
import { getGroup } from './operations/getGroup';
import { getUser } from './operations/getUser';
import { getUserAttributeVerificationCode } from './operations/getUserAttributeVerificationCode';
import { globalSignOut } from './operations/globalSignOut';
import { initiateAuth } from './operations/initiateAuth';
import { listGroups } from './operations/listGroups';
import { listUsers } from './operations/listUsers';
import { listUserPoolClients } from './operations/listUserPoolClients';
import { listUserPools } from './operations/listUserPools';
import { listUsersInGroup } from './operations/listUsersInGroup';
import { resendConfirmationCode } from './operations/resendConfirmationCode';
import { respondToAuthChallenge } from './operations/respondToAuthChallenge';
import { revokeToken } from './operations/revokeToken';
import { signUp } from './operations/signUp';
import { updateGroup } from './operations/updateGroup';
import { updateUserPool } from './operations/updateUserPool';
import { updateUserAttributes } from './operations/updateUserAttributes';
import { verifyUserAttribute } from './operations/verifyUserAttribute';

export const operations: Record<string, Operation> = {
  AdminAddUserToGroup: adminAddUserToGroup,
  AdminConfirmSignUp: adminConfirmSignUp,
  AdminCreateUser: adminCreateUser,
  AdminDeleteUser: adminDeleteUser,
  AdminDeleteUserAttributes: adminDeleteUserAttributes,
  AdminDisableUser: adminDisableUser,
  AdminEnableUser: adminEnableUser,
  AdminGetUser: adminGetUser,
  AdminInitiateAuth: adminInitiateAuth,
  AdminListGroupsForUser: adminListGroupsForUser,
  AdminListUserAuthEvents: adminListUserAuthEvents,
  AdminRemoveUserFromGroup: adminRemoveUserFromGroup,
  AdminResetUserPassword: adminResetUserPassword,
  AdminRespondToAuthChallenge: adminRespondToAuthChallenge,
  AdminSetUserPassword: adminSetUserPassword,
  AdminUpdateUserAttributes: adminUpdateUserAttributes,
  AdminUserGlobalSignOut: adminUserGlobalSignOut,
  ChangePassword: changePassword,
  ConfirmForgotPassword: confirmForgotPassword,
  ConfirmSignUp: confirmSignUp,
  CreateGroup: createGroup,
  CreateUserPool: createUserPool,
  CreateUserPoolClient: createUserPoolClient,
  DeleteGroup: deleteGroup,
  DeleteUser: deleteUser,
  DeleteUserAttributes: deleteUserAttributes,
  DescribeUserPool: describeUserPool,
  DescribeUserPoolClient: describeUserPoolClient,
  ForgotPassword: forgotPassword,
  GetGroup: getGroup,
  GetUser: getUser,
  GetUserAttributeVerificationCode: getUserAttributeVerificationCode,
  GlobalSignOut: globalSignOut,
  InitiateAuth: initiateAuth,
  ListGroups: listGroups,
  ListUserPoolClients: listUserPoolClients,
  ListUsers: listUsers,
  ListUserPools: listUserPools,
  ListUsersInGroup: listUsersInGroup,
  ResendConfirmationCode: resendConfirmationCode,
  RespondToAuthChallenge: respondToAuthChallenge,
  RevokeToken: revokeToken,
  SignUp: signUp,
  UpdateGroup: updateGroup,
  UpdateUserAttributes: updateUserAttributes,
  UpdateUserPool: updateUserPool,
  VerifyUserAttribute: verifyUserAttribute,
};
