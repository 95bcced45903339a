/** The GraphQL documents the soak sends, as a frontend and an admin console would. */
export const SIGN_UP = 'mutation SignUp($u: String!, $p: String!) { signUp(input: { username: $u, password: $p }) { userId } }';
export const CONFIRM = 'mutation Confirm($u: String!, $c: String!) { confirmSignUp(input: { username: $u, code: $c }) { isSignUpComplete } }';
export const SIGN_IN = 'mutation SignIn($u: String!, $p: String!) { signIn(input: { username: $u, password: $p }) { isSignedIn nextStep { signInStep } tokens { accessToken refreshToken } } }';
export const ME = 'query Me { me { username email emailVerified status createdAt } }';
export const REFRESH = 'mutation Refresh($r: String!) { refreshSession(input: { refreshToken: $r }) { tokens { accessToken } } }';
export const SIGN_OUT = 'mutation SignOut($r: String!) { signOut(input: { refreshToken: $r }) }';
export const ADMIN_PAGE = 'query AdminPage { users(limit: 60) { items { sub email status } nextToken } }';
