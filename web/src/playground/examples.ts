/**
 * Example operations for each flow, opened from the playground's Examples panel. Public ones
 * need the x-api-key header (set when the playground opens in embedded mode); signed-in ones
 * need Authorization, which the Sign in panel sets.
 */

export interface Example {
  title: string;
  about: string;
  query: string;
  variables?: object;
}

const EMAIL = 'ada@example.com';

export const WELCOME = `# The Identity API's playground, served by the API itself (it works offline).
#
# Public operations (sign-up, sign-in, recovery) send the app's key as x-api-key:
# in embedded mode it is already in the Headers tab below.
# Signed-in operations need "Authorization: Bearer <accessToken>": open the Sign in
# panel on the left, sign in, and the token is put in the headers for you.
# More operations, one per flow, are in the Examples panel. Codes (sign-up, reset)
# are printed by \`npm start\` and kept in the engine's outbox.

mutation SignUp {
  signUp(input: { username: "${EMAIL}", password: "Sup3r-secret!" }) {
    isSignUpComplete
    nextStep { signUpStep codeDeliveryDetails { destination } }
  }
}
`;

export const EXAMPLES: readonly Example[] = [
  {
    title: 'Sign up',
    about: 'Registers an account; a code is emailed.',
    query: 'mutation SignUp($input: SignUpInput!) {\n  signUp(input: $input) {\n    isSignUpComplete\n    userId\n    nextStep { signUpStep codeDeliveryDetails { destination deliveryMedium } }\n  }\n}',
    variables: { input: { username: EMAIL, password: 'Sup3r-secret!', attributes: { name: 'Ada Lovelace' } } },
  },
  {
    title: 'Confirm sign-up',
    about: 'The emailed code confirms the account.',
    query: 'mutation ConfirmSignUp($input: ConfirmSignUpInput!) {\n  confirmSignUp(input: $input) { isSignUpComplete }\n}',
    variables: { input: { username: EMAIL, code: '123456' } },
  },
  {
    title: 'Send a new sign-up code',
    about: 'The old code stops working.',
    query: 'mutation ResendSignUpCode($input: UsernameInput!) {\n  resendSignUpCode(input: $input) { codeDeliveryDetails { destination } }\n}',
    variables: { input: { username: EMAIL } },
  },
  {
    title: 'Sign in',
    about: 'Answers DONE with tokens, or names the next step.',
    query:
      'mutation SignIn($input: SignInInput!) {\n  signIn(input: $input) {\n    isSignedIn\n    session\n    nextStep { signInStep missingAttributes codeDeliveryDetails { destination } }\n    tokens { accessToken idToken refreshToken expiresAt }\n  }\n}',
    variables: { input: { username: EMAIL, password: 'Sup3r-secret!' } },
  },
  {
    title: 'Set a new password at first sign-in',
    about: 'Answers CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED (an invited user), with the session from signIn.',
    query: 'mutation ConfirmSignIn($input: ConfirmSignInInput!) {\n  confirmSignIn(input: $input) {\n    isSignedIn\n    nextStep { signInStep }\n    tokens { accessToken refreshToken expiresAt }\n  }\n}',
    variables: { input: { session: '<session from signIn>', challengeResponse: 'N3w-Passw0rd!' } },
  },
  {
    title: 'Refresh the session',
    about: 'New access and ID tokens from the refresh token.',
    query: 'mutation RefreshSession($input: RefreshSessionInput!) {\n  refreshSession(input: $input) { tokens { accessToken expiresAt } }\n}',
    variables: { input: { refreshToken: '<refreshToken from signIn>' } },
  },
  {
    title: 'Who am I?',
    about: 'The signed-in user, their groups and directory record.',
    query:
      'query Me {\n  me {\n    username email emailVerified status createdAt\n    groups { name }\n    metadata { signInCount lastSignInAt lastIp lastDevice plan }\n  }\n}',
  },
  {
    title: 'Security activity',
    about: '"Was this you?": what happened to the account, newest first.',
    query: 'query Activity {\n  me {\n    securityEvents(limit: 10) {\n      items { type at ip device actor action }\n      nextToken\n    }\n  }\n}',
  },
  {
    title: 'Change attributes, then verify',
    about: 'A changed email or phone gets a code; confirmAttribute verifies it.',
    query:
      'mutation Update($input: UserAttributesInput!) {\n  updateMyAttributes(input: $input) {\n    user { email emailVerified name }\n    codeDeliveryDetails { attributeName destination }\n  }\n}\n\nmutation Verify($code: String!) {\n  confirmAttribute(input: { attribute: EMAIL, code: $code }) { email emailVerified }\n}',
    variables: { input: { name: 'Ada King' }, code: '123456' },
  },
  {
    title: 'Change password',
    about: "Ends the user's other sessions; this one continues with the new tokens returned.",
    query: 'mutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input) {\n    otherSessionsEnded\n    tokens { accessToken refreshToken expiresAt }\n  }\n}',
    variables: { input: { oldPassword: 'Sup3r-secret!', newPassword: 'N3w-Passw0rd!' } },
  },
  {
    title: 'Forgot password',
    about: 'A code to the account, then a new password with it (every session ends).',
    query:
      'mutation Forgot($username: String!) {\n  resetPassword(input: { username: $username }) {\n    nextStep { resetPasswordStep codeDeliveryDetails { destination } }\n  }\n}\n\nmutation Reset($username: String!, $code: String!, $newPassword: String!) {\n  confirmResetPassword(input: { username: $username, code: $code, newPassword: $newPassword }) { isPasswordReset }\n}',
    variables: { username: EMAIL, code: '123456', newPassword: 'N3w-Passw0rd!' },
  },
  {
    title: 'Sign out',
    about: 'This session (its own refresh token), or every session.',
    query: 'mutation SignOut($refreshToken: String!) {\n  signOut(input: { refreshToken: $refreshToken })\n}\n\nmutation SignOutEverywhere {\n  globalSignOut\n}',
    variables: { refreshToken: '<refreshToken from signIn>' },
  },
  {
    title: 'Admin: find users',
    about: 'Members of Admins only. Filter on one attribute, or find by tenant through the directory.',
    query:
      'query Users($prefix: String!) {\n  users(filter: { attribute: EMAIL, operator: STARTS_WITH, value: $prefix }, limit: 20) {\n    items { username email status enabled groups { name } }\n    nextToken\n  }\n}\n\nquery Tenant($tenant: String!) {\n  usersByAttribute(name: "custom:tenant", value: $tenant) {\n    items { email status user { enabled } }\n    nextToken\n  }\n}',
    variables: { prefix: 'ada', tenant: 'acme' },
  },
  {
    title: 'Admin: invite, disable, group',
    about: 'Invite (a temporary password is emailed), disable (sessions end at once), add to a group.',
    query:
      'mutation Invite($email: AWSEmail!) {\n  adminCreateUser(input: { username: $email, attributes: { email: $email } }) { username status }\n}\n\nmutation Disable($username: String!) {\n  adminDisableUser(username: $username) { enabled }\n}\n\nmutation AddToGroup($username: String!) {\n  adminAddUserToGroup(username: $username, groupName: "Admins")\n}',
    variables: { email: 'grace@example.com', username: 'grace@example.com' },
  },
  {
    title: 'Admin: groups and members',
    about: 'Every group, and one group with its members.',
    query: 'query Groups {\n  groups { items { name description precedence } }\n  group(name: "Admins") {\n    members(limit: 20) { items { email enabled } nextToken }\n  }\n}',
  },
];
