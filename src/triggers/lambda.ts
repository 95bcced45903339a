/**
 * The triggers as deployed Lambda functions: each file's `handler` builds what it needs from
 * the function's environment on its first invocation and keeps it for the container's life:
 *
 *   METADATA_TABLE (default identity-metadata), AWS_REGION, DYNAMODB_ENDPOINT (optional), and
 *   the trigger settings (settings.ts: TRIGGERS_CONFIG and the variables it lists).
 *
 * A failure to build them (a bad setting) is reported like any other failure and shown to the
 * caller as a generic line.
 */
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { DirectoryStore } from '../datasources/metadata/directory.store';
import type { HandlerDeps } from './deps';
import { loadLegacyDirectory } from './legacy/legacyDirectory';
import { guarded, Trigger } from './refusal';
import { directoryOptions, loadTriggerSettings } from './settings';
import { SignInRecords } from './signInRecords';

let shared: HandlerDeps | undefined;

export function environmentDeps(env: NodeJS.ProcessEnv = process.env): HandlerDeps {
  if (shared) return shared;
  const settings = loadTriggerSettings(env);
  const client = new DynamoDBClient({ region: env.AWS_REGION, endpoint: env.DYNAMODB_ENDPOINT?.trim() || undefined });
  const doc = DynamoDBDocumentClient.from(client, { marshallOptions: { removeUndefinedValues: true } });
  const directory = new DirectoryStore(doc, env.METADATA_TABLE?.trim() || 'identity-metadata', directoryOptions(settings));
  shared = {
    directory,
    settings,
    now: Date.now,
    legacy: settings.legacyUsersFile ? loadLegacyDirectory(settings.legacyUsersFile) : undefined,
    signInRecords: new SignInRecords(Date.now),
  };
  return shared;
}

/** A Lambda handler for the trigger `factory` makes, built on first use. */
export function fromEnvironment<E>(functionName: string, factory: (deps: HandlerDeps) => Trigger<E>): Trigger<E> {
  let handler: Trigger<E> | undefined;
  return guarded(functionName, (event: E) => {
    handler ??= factory(environmentDeps());
    return handler(event);
  });
}
