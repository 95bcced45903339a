/** Every operation the engine serves, by its Cognito name. One file per operation in ./operations. */
import type { Operation } from './services';
import { adminAddUserToGroup } from './operations/adminAddUserToGroup';
import { adminConfirmSignUp } from './operations/adminConfirmSignUp';
import { adminCreateUser } from './operations/adminCreateUser';
import { adminDeleteUser } from './operations/adminDeleteUser';
import { adminDeleteUserAttributes } from './operations/adminDeleteUserAttributes';
import { adminDisableUser } from './operations/adminDisableUser';
import { adminEnableUser } from './operations/adminEnableUser';
import { adminForgetDevice } from './operations/adminForgetDevice';
import { adminGetDevice } from './operations/adminGetDevice';
import { adminGetUser } from './operations/adminGetUser';
import { adminInitiateAuth } from './operations/adminInitiateAuth';
import { adminListDevices } from './operations/adminListDevices';
import { adminListGroupsForUser } from './operations/adminListGroupsForUser';
import { adminListUserAuthEvents } from './operations/adminListUserAuthEvents';
import { adminRemoveUserFromGroup } from './operations/adminRemoveUserFromGroup';
import { adminResetUserPassword } from './operations/adminResetUserPassword';
import { adminRespondToAuthChallenge } from './operations/adminRespondToAuthChallenge';
import { adminSetUserMFAPreference } from './operations/adminSetUserMFAPreference';
import { adminSetUserPassword } from './operations/adminSetUserPassword';
import { adminUpdateDeviceStatus } from './operations/adminUpdateDeviceStatus';
import { adminUpdateUserAttributes } from './operations/adminUpdateUserAttributes';
import { adminUserGlobalSignOut } from './operations/adminUserGlobalSignOut';
import { associateSoftwareToken } from './operations/associateSoftwareToken';
import { changePassword } from './operations/changePassword';
import { confirmDevice } from './operations/confirmDevice';
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
import { forgetDevice } from './operations/forgetDevice';
import { forgotPassword } from './operations/forgotPassword';
import { getDevice } from './operations/getDevice';
import { getGroup } from './operations/getGroup';
import { getTokensFromRefreshToken } from './operations/getTokensFromRefreshToken';
import { getUser } from './operations/getUser';
import { getUserAttributeVerificationCode } from './operations/getUserAttributeVerificationCode';
import { getUserPoolMfaConfig } from './operations/getUserPoolMfaConfig';
import { globalSignOut } from './operations/globalSignOut';
import { initiateAuth } from './operations/initiateAuth';
import { listDevices } from './operations/listDevices';
import { listGroups } from './operations/listGroups';
import { listUserPoolClients } from './operations/listUserPoolClients';
import { listUserPools } from './operations/listUserPools';
import { listUsers } from './operations/listUsers';
import { listUsersInGroup } from './operations/listUsersInGroup';
import { resendConfirmationCode } from './operations/resendConfirmationCode';
import { respondToAuthChallenge } from './operations/respondToAuthChallenge';
import { revokeToken } from './operations/revokeToken';
import { setUserMFAPreference } from './operations/setUserMFAPreference';
import { setUserPoolMfaConfig } from './operations/setUserPoolMfaConfig';
import { signUp } from './operations/signUp';
import { updateDeviceStatus } from './operations/updateDeviceStatus';
import { updateGroup } from './operations/updateGroup';
import { updateUserAttributes } from './operations/updateUserAttributes';
import { updateUserPool } from './operations/updateUserPool';
import { updateUserPoolClient } from './operations/updateUserPoolClient';
import { verifySoftwareToken } from './operations/verifySoftwareToken';
import { verifyUserAttribute } from './operations/verifyUserAttribute';

export const operations: Record<string, Operation> = {
  AdminAddUserToGroup: adminAddUserToGroup,
  AdminConfirmSignUp: adminConfirmSignUp,
  AdminCreateUser: adminCreateUser,
  AdminDeleteUser: adminDeleteUser,
  AdminDeleteUserAttributes: adminDeleteUserAttributes,
  AdminDisableUser: adminDisableUser,
  AdminEnableUser: adminEnableUser,
  AdminForgetDevice: adminForgetDevice,
  AdminGetDevice: adminGetDevice,
  AdminGetUser: adminGetUser,
  AdminInitiateAuth: adminInitiateAuth,
  AdminListDevices: adminListDevices,
  AdminListGroupsForUser: adminListGroupsForUser,
  AdminListUserAuthEvents: adminListUserAuthEvents,
  AdminRemoveUserFromGroup: adminRemoveUserFromGroup,
  AdminResetUserPassword: adminResetUserPassword,
  AdminRespondToAuthChallenge: adminRespondToAuthChallenge,
  AdminSetUserMFAPreference: adminSetUserMFAPreference,
  AdminSetUserPassword: adminSetUserPassword,
  AdminUpdateDeviceStatus: adminUpdateDeviceStatus,
  AdminUpdateUserAttributes: adminUpdateUserAttributes,
  AdminUserGlobalSignOut: adminUserGlobalSignOut,
  AssociateSoftwareToken: associateSoftwareToken,
  ChangePassword: changePassword,
  ConfirmDevice: confirmDevice,
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
  ForgetDevice: forgetDevice,
  ForgotPassword: forgotPassword,
  GetDevice: getDevice,
  GetGroup: getGroup,
  GetTokensFromRefreshToken: getTokensFromRefreshToken,
  GetUser: getUser,
  GetUserAttributeVerificationCode: getUserAttributeVerificationCode,
  GetUserPoolMfaConfig: getUserPoolMfaConfig,
  GlobalSignOut: globalSignOut,
  InitiateAuth: initiateAuth,
  ListDevices: listDevices,
  ListGroups: listGroups,
  ListUserPoolClients: listUserPoolClients,
  ListUserPools: listUserPools,
  ListUsers: listUsers,
  ListUsersInGroup: listUsersInGroup,
  ResendConfirmationCode: resendConfirmationCode,
  RespondToAuthChallenge: respondToAuthChallenge,
  RevokeToken: revokeToken,
  SetUserMFAPreference: setUserMFAPreference,
  SetUserPoolMfaConfig: setUserPoolMfaConfig,
  SignUp: signUp,
  UpdateDeviceStatus: updateDeviceStatus,
  UpdateGroup: updateGroup,
  UpdateUserAttributes: updateUserAttributes,
  UpdateUserPool: updateUserPool,
  UpdateUserPoolClient: updateUserPoolClient,
  VerifySoftwareToken: verifySoftwareToken,
  VerifyUserAttribute: verifyUserAttribute,
};
