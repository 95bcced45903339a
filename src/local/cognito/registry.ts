/** Every operation the engine serves, by its Cognito name. One file per operation in ./operations. */
import type { Operation } from './services';
import { adminAddUserToGroup } from './operations/adminAddUserToGroup';
import { adminListGroupsForUser } from './operations/adminListGroupsForUser';
import { adminRemoveUserFromGroup } from './operations/adminRemoveUserFromGroup';
import { createGroup } from './operations/createGroup';
import { deleteGroup } from './operations/deleteGroup';
import { getGroup } from './operations/getGroup';
import { listGroups } from './operations/listGroups';
import { listUsersInGroup } from './operations/listUsersInGroup';
import { updateGroup } from './operations/updateGroup';
import { adminConfirmSignUp } from './operations/adminConfirmSignUp';
import { adminCreateUser } from './operations/adminCreateUser';
import { adminGetUser } from './operations/adminGetUser';
import { adminInitiateAuth } from './operations/adminInitiateAuth';
import { adminRespondToAuthChallenge } from './operations/adminRespondToAuthChallenge';
import { changePassword } from './operations/changePassword';
import { confirmForgotPassword } from './operations/confirmForgotPassword';
import { confirmSignUp } from './operations/confirmSignUp';
import { createUserPool } from './operations/createUserPool';
import { createUserPoolClient } from './operations/createUserPoolClient';
import { deleteUser } from './operations/deleteUser';
import { deleteUserAttributes } from './operations/deleteUserAttributes';
import { describeUserPool } from './operations/describeUserPool';
import { describeUserPoolClient } from './operations/describeUserPoolClient';
import { forgotPassword } from './operations/forgotPassword';
import { getUser } from './operations/getUser';
import { getUserAttributeVerificationCode } from './operations/getUserAttributeVerificationCode';
import { globalSignOut } from './operations/globalSignOut';
import { initiateAuth } from './operations/initiateAuth';
import { listUserPoolClients } from './operations/listUserPoolClients';
import { listUserPools } from './operations/listUserPools';
import { resendConfirmationCode } from './operations/resendConfirmationCode';
import { respondToAuthChallenge } from './operations/respondToAuthChallenge';
import { revokeToken } from './operations/revokeToken';
import { signUp } from './operations/signUp';
import { updateUserAttributes } from './operations/updateUserAttributes';
import { verifyUserAttribute } from './operations/verifyUserAttribute';

export const operations: Record<string, Operation> = {
  AdminAddUserToGroup: adminAddUserToGroup,
  AdminListGroupsForUser: adminListGroupsForUser,
  AdminRemoveUserFromGroup: adminRemoveUserFromGroup,
  CreateGroup: createGroup,
  DeleteGroup: deleteGroup,
  GetGroup: getGroup,
  ListGroups: listGroups,
  ListUsersInGroup: listUsersInGroup,
  UpdateGroup: updateGroup,
  AdminConfirmSignUp: adminConfirmSignUp,
  AdminCreateUser: adminCreateUser,
  AdminGetUser: adminGetUser,
  AdminInitiateAuth: adminInitiateAuth,
  AdminRespondToAuthChallenge: adminRespondToAuthChallenge,
  ChangePassword: changePassword,
  ConfirmForgotPassword: confirmForgotPassword,
  ConfirmSignUp: confirmSignUp,
  CreateUserPool: createUserPool,
  CreateUserPoolClient: createUserPoolClient,
  DeleteUser: deleteUser,
  DeleteUserAttributes: deleteUserAttributes,
  DescribeUserPool: describeUserPool,
  DescribeUserPoolClient: describeUserPoolClient,
  ForgotPassword: forgotPassword,
  GetUser: getUser,
  GetUserAttributeVerificationCode: getUserAttributeVerificationCode,
  GlobalSignOut: globalSignOut,
  InitiateAuth: initiateAuth,
  ListUserPoolClients: listUserPoolClients,
  ListUserPools: listUserPools,
  ResendConfirmationCode: resendConfirmationCode,
  RespondToAuthChallenge: respondToAuthChallenge,
  RevokeToken: revokeToken,
  SignUp: signUp,
  UpdateUserAttributes: updateUserAttributes,
  VerifyUserAttribute: verifyUserAttribute,
};
