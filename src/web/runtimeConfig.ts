/**
 * What the web app learns at run time from `/config.json`, so one build serves every
 * deployment: where the API is, the app's API key, whether a playground exists, and the pool's
 * password rules for the live hints. A static host serves its own copy of this file (see the
 * README); the API writes it from its settings. Types only, with no imports: the web app
 * imports them too.
 */

/** The rules a new password must meet (the pool's PasswordPolicy). */
export interface PasswordRules {
  minimumLength: number;
  requireUppercase: boolean;
  requireLowercase: boolean;
  requireNumbers: boolean;
  requireSymbols: boolean;
}

export interface RuntimeConfig {
  /** The GraphQL endpoint, absolute or relative to the page. */
  graphqlUrl: string;
  /**
   * The key public operations send as x-api-key. An API key identifies the app; it is no
   * secret: every browser that runs the app has it (as with AppSync).
   */
  apiKey: string | null;
  /** Whether /playground is served. */
  playground: boolean;
  /** Null when the pool could not be read: the app then lists no rules, and the API still checks them. */
  passwordPolicy: PasswordRules | null;
}
