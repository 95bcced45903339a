/**
 * The runtime config (/config.json, written by the API or by whoever hosts the app): read once
 * before anything renders, so one build runs against any API.
 */
import type { RuntimeConfig } from '../../src/web/runtimeConfig';

export type { PasswordRules, RuntimeConfig } from '../../src/web/runtimeConfig';

export async function loadConfig(): Promise<RuntimeConfig> {
  const response = await fetch('/config.json', { cache: 'no-store', headers: { accept: 'application/json' } });
  if (!response.ok) throw new Error(`The app's configuration could not be loaded (HTTP ${response.status}).`);
  const config = (await response.json()) as RuntimeConfig;
  // Relative to the page, so the app works wherever it is hosted.
  return { ...config, graphqlUrl: new URL(config.graphqlUrl, window.location.href).toString() };
}
