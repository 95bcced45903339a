import { ConfigError, loadConfig } from '../src/config';

const problems = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

test('with nothing set it runs embedded on the documented defaults', () => {
  expect(loadConfig({})).toMatchObject({
    mode: 'embedded',
    production: false,
    port: 4000,
    host: '127.0.0.1',
    logLevel: 'info',
    region: 'us-east-1',
    dataDir: '.data',
    metadataTable: 'identity-metadata',
    apiKeys: [],
    maxBodyBytes: 65536,
    revocationCacheMs: 1000,
    profileCacheMs: 5000,
    cognitoLocalPort: 9229,
  });
  expect(loadConfig({}).issuer).toBeUndefined();
});

test('COGNITO_LOCAL_PORT is a port number', () => {
  expect(loadConfig({ COGNITO_LOCAL_PORT: '0' }).cognitoLocalPort).toBe(0);
  expect(loadConfig({ COGNITO_LOCAL_PORT: '19229' }).cognitoLocalPort).toBe(19229);
  expect(problems({ COGNITO_LOCAL_PORT: 'abc' })).toEqual(['COGNITO_LOCAL_PORT must be a whole number from 0 to 65535 (got "abc")']);
  expect(problems({ COGNITO_LOCAL_PORT: '65536' })).toEqual(['COGNITO_LOCAL_PORT must be a whole number from 0 to 65535 (got "65536")']);
});

describe('the token issuer (AWS mode)', () => {
  const aws = { COGNITO_USER_POOL_ID: 'eu-west-1_AbC123', COGNITO_CLIENT_ID: 'abc', API_KEYS: 'k'.repeat(16) };

  test("is Amazon's for the pool's region by default", () => {
    expect(loadConfig(aws).issuer).toBe('https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123');
    expect(loadConfig({ ...aws, AWS_REGION: 'us-west-2' }).issuer).toBe('https://cognito-idp.us-west-2.amazonaws.com/eu-west-1_AbC123');
  });

  test('follows COGNITO_ENDPOINT (a standalone engine), without its trailing slash', () => {
    expect(loadConfig({ ...aws, COGNITO_ENDPOINT: 'http://127.0.0.1:9229' }).issuer).toBe('http://127.0.0.1:9229/eu-west-1_AbC123');
    expect(loadConfig({ ...aws, COGNITO_ENDPOINT: 'http://127.0.0.1:9229/' }).issuer).toBe('http://127.0.0.1:9229/eu-west-1_AbC123');
  });

  test('COGNITO_ISSUER wins (an AWS-hosted custom endpoint such as FIPS), and must be an http(s) URL', () => {
    const issuer = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123';
    expect(loadConfig({ ...aws, COGNITO_ENDPOINT: 'https://cognito-idp-fips.eu-west-1.amazonaws.com', COGNITO_ISSUER: issuer }).issuer).toBe(issuer);
    expect(problems({ ...aws, COGNITO_ISSUER: 'cognito-idp.eu-west-1.amazonaws.com/x' })).toEqual([
      'COGNITO_ISSUER must be an http(s) URL (got "cognito-idp.eu-west-1.amazonaws.com/x")',
    ]);
  });
});

test('the cache windows can be set, or turned off with 0, within their bounds', () => {
  expect(loadConfig({ REVOCATION_CACHE_MS: '0', PROFILE_CACHE_MS: '30000' })).toMatchObject({ revocationCacheMs: 0, profileCacheMs: 30000 });
  expect(problems({ REVOCATION_CACHE_MS: '60000', PROFILE_CACHE_MS: '-1' })).toEqual([
    'REVOCATION_CACHE_MS must be a whole number from 0 to 10000 (got "60000")',
    'PROFILE_CACHE_MS must be a whole number from 0 to 300000 (got "-1")',
  ]);
});

test('a configured pool selects AWS mode, with the region taken from the pool id', () => {
  const config = loadConfig({ COGNITO_USER_POOL_ID: 'eu-west-1_AbC123', COGNITO_CLIENT_ID: 'abc', API_KEYS: 'key-number-one-123, key-number-two-456' });
  expect(config).toMatchObject({ mode: 'aws', region: 'eu-west-1', apiKeys: ['key-number-one-123', 'key-number-two-456'] });
  expect(loadConfig({ COGNITO_USER_POOL_ID: 'eu-west-1_AbC123', COGNITO_CLIENT_ID: 'abc', API_KEYS: 'k'.repeat(16), NODE_ENV: 'production' }).production).toBe(true);
});

test('every bad value is reported at once, by name', () => {
  expect(
    problems({ COGNITO_USER_POOL_ID: 'not a pool', PORT: '70000', LOG_LEVEL: 'loud', API_KEYS: 'short', COGNITO_ENDPOINT: 'ftp://x', ADMIN_EMAIL: 'nobody' }),
  ).toEqual([
    'COGNITO_USER_POOL_ID must look like "<region>_<id>" (got "not a pool")',
    'COGNITO_CLIENT_ID is required when COGNITO_USER_POOL_ID is set',
    'LOG_LEVEL must be one of debug, info, warn, error, silent (got "loud")',
    'each API key in API_KEYS must be at least 16 characters',
    'ADMIN_EMAIL must be an email address (got "nobody")',
    'PORT must be a whole number from 0 to 65535 (got "70000")',
    'COGNITO_ENDPOINT must be an http(s) URL (got "ftp://x")',
  ]);
});

test('AWS mode needs API keys, and a client id needs a pool id', () => {
  expect(problems({ COGNITO_USER_POOL_ID: 'us-east-1_X1', COGNITO_CLIENT_ID: 'abc' })).toEqual([
    'API_KEYS is required in AWS mode (comma-separated keys for x-api-key)',
  ]);
  expect(problems({ COGNITO_CLIENT_ID: 'abc' })).toEqual(['COGNITO_USER_POOL_ID is required when COGNITO_CLIENT_ID is set']);
});

describe('rate limits and proxies', () => {
  const MINUTE = 60_000;

  test('default to the documented budgets, and no trusted proxy', () => {
    expect(loadConfig({})).toMatchObject({
      rateLimits: {
        password: { perAccount: 10, perIp: 100, windowMs: 15 * MINUTE },
        code: { perAccount: 10, perIp: 100, windowMs: 15 * MINUTE },
        token: { perAccount: 20, perIp: 200, windowMs: 15 * MINUTE },
        send: { perAccount: 5, perIp: 100, windowMs: 15 * MINUTE },
      },
      trustedProxies: [],
    });
  });

  test('RATE_LIMIT_<KIND> is <per account>/<per IP>/<window>; other kinds keep their defaults', () => {
    const config = loadConfig({ RATE_LIMIT_PASSWORD: '3/30/1m', RATE_LIMIT_SEND: '0 / 20 / 2h' });
    expect(config.rateLimits.password).toEqual({ perAccount: 3, perIp: 30, windowMs: MINUTE });
    expect(config.rateLimits.send).toEqual({ perAccount: 0, perIp: 20, windowMs: 2 * 60 * MINUTE });
    expect(config.rateLimits.code.perAccount).toBe(10);
  });

  test('a bad budget or proxy entry is named', () => {
    expect(problems({ RATE_LIMIT_CODE: '10/100', RATE_LIMIT_TOKEN: '1/1/25h', TRUSTED_PROXIES: '10.0.0.0/8, lb.internal' })).toEqual([
      'RATE_LIMIT_CODE must be <per account>/<per IP>/<window>, e.g. 10/100/15m (window 1s to 24h; got "10/100")',
      'RATE_LIMIT_TOKEN must be <per account>/<per IP>/<window>, e.g. 10/100/15m (window 1s to 24h; got "1/1/25h")',
      'TRUSTED_PROXIES: "lb.internal" is not an IP address or CIDR range',
    ]);
    expect(loadConfig({ TRUSTED_PROXIES: '10.0.0.0/8, 192.0.2.1' }).trustedProxies).toEqual(['10.0.0.0/8', '192.0.2.1']);
  });
});

test('production refuses the embedded world: it prints codes, serves the outbox and makes up an API key', () => {
  expect(problems({ NODE_ENV: 'production' })).toEqual([
    'NODE_ENV=production needs a configured pool: set COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID and API_KEYS (the embedded world is for development only)',
  ]);
});

describe('operations settings', () => {
  const aws = { COGNITO_USER_POOL_ID: 'eu-west-1_AbC123', COGNITO_CLIENT_ID: 'abc', API_KEYS: 'k'.repeat(16) };

  test('default to JSON-or-terminal logs, metrics on port 9464 of HOST, a 10 s drain and 2 s readiness checks', () => {
    expect(loadConfig({})).toMatchObject({
      logFormat: 'auto',
      metrics: { port: 9464, host: '127.0.0.1', token: undefined },
      shutdownTimeoutMs: 10_000,
      readyTimeoutMs: 2000,
      acceptedIssuers: [],
    });
    expect(loadConfig({ HOST: '0.0.0.0' }).metrics.host).toBe('0.0.0.0');
    expect(loadConfig({ HOST: '0.0.0.0', METRICS_HOST: '127.0.0.1' }).metrics.host).toBe('127.0.0.1');
  });

  test('METRICS_PORT is a port, 0 for any free one, or off; never the API port', () => {
    expect(loadConfig({ METRICS_PORT: 'off' }).metrics.port).toBeUndefined();
    expect(loadConfig({ METRICS_PORT: '0' }).metrics.port).toBe(0);
    expect(loadConfig({ METRICS_PORT: '9100', PORT: '8080' }).metrics.port).toBe(9100);
    expect(problems({ METRICS_PORT: 'yes' })).toEqual(['METRICS_PORT must be a port number (0 to 65535) or off (got "yes")']);
    expect(problems({ METRICS_PORT: '4000' })).toEqual([
      "METRICS_PORT must differ from PORT (4000): metrics are never served on the API's port (use METRICS_TOKEN for that)",
    ]);
  });

  test('METRICS_TOKEN guards /metrics on the API port and must be long enough', () => {
    expect(loadConfig({ METRICS_TOKEN: 't'.repeat(16) }).metrics.token).toBe('t'.repeat(16));
    expect(problems({ METRICS_TOKEN: 'short' })).toEqual(['METRICS_TOKEN must be at least 16 characters']);
  });

  test('LOG_FORMAT, SHUTDOWN_TIMEOUT_MS and READY_TIMEOUT_MS are checked', () => {
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({ SHUTDOWN_TIMEOUT_MS: '0', READY_TIMEOUT_MS: '500' })).toMatchObject({ shutdownTimeoutMs: 0, readyTimeoutMs: 500 });
    expect(problems({ LOG_FORMAT: 'xml', SHUTDOWN_TIMEOUT_MS: '200000', READY_TIMEOUT_MS: '10' })).toEqual([
      'LOG_FORMAT must be one of auto, json, pretty (got "xml")',
      'SHUTDOWN_TIMEOUT_MS must be a whole number from 0 to 120000 (got "200000")',
      'READY_TIMEOUT_MS must be a whole number from 100 to 30000 (got "10")',
    ]);
  });

  test('COGNITO_ACCEPTED_ISSUERS lists http(s) issuers (trailing slashes dropped), in AWS mode only', () => {
    const updated = 'https://issuer-cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123';
    const original = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123';
    expect(loadConfig({ ...aws, COGNITO_ISSUER: updated, COGNITO_ACCEPTED_ISSUERS: ` ${original}/ ,` })).toMatchObject({ issuer: updated, acceptedIssuers: [original] });
    expect(problems({ ...aws, COGNITO_ACCEPTED_ISSUERS: 'issuer-cognito-idp' })).toEqual([
      'COGNITO_ACCEPTED_ISSUERS: each issuer must be an http(s) URL (got "issuer-cognito-idp")',
    ]);
    expect(problems({ COGNITO_ACCEPTED_ISSUERS: original })).toEqual([
      'COGNITO_ACCEPTED_ISSUERS needs a configured pool (embedded mode has one issuer, the engine)',
    ]);
  });
});
