/**
 * The deployment as stacks: with one Region, one stack; with two, the pool's multi-Region key
 * and its replica first, then the primary Region, then the secondary (which reads the primary's
 * pool and client through CDK's cross-Region references).
 */
import type { App } from 'aws-cdk-lib';
import { join } from 'node:path';
import { PoolDefinition, readPoolDefinition } from '../../src/local/poolDefinition';
import { PoolKeyReplicaStack, PoolKeyStack } from './keys';
import { PrimaryStack } from './primaryStack';
import { SecondaryStack } from './secondaryStack';
import type { DeploymentSettings } from './settings';
import { PROJECT_ROOT, TriggerBundles } from './triggerBundles';

export interface IdentityStacks {
  primary: PrimaryStack;
  secondary?: SecondaryStack;
  key?: PoolKeyStack;
  keyReplica?: PoolKeyReplicaStack;
}

export interface BuildOptions {
  /** config/user-pool.json unless given (the same file the embedded engine creates its pool from). */
  definition?: PoolDefinition;
  bundles?: TriggerBundles;
}

export function buildIdentityApp(app: App, settings: DeploymentSettings, options: BuildOptions = {}): IdentityStacks {
  const definition = options.definition ?? readPoolDefinition(join(PROJECT_ROOT, 'config', 'user-pool.json'));
  const bundles = options.bundles ?? new TriggerBundles();
  const env = (region: string) => ({ account: settings.account, region });
  const { secondaryRegion } = settings;
  if (!secondaryRegion) {
    return { primary: new PrimaryStack(app, 'IdentityApi', { env: env(settings.region), settings, definition, bundles }) };
  }
  const crossRegionReferences = true;
  const key = new PoolKeyStack(app, 'IdentityPoolKey', { env: env(settings.region), account: settings.account, crossRegionReferences });
  const keyReplica = new PoolKeyReplicaStack(app, 'IdentityPoolKeyReplica', { env: env(secondaryRegion), account: settings.account, primaryKeyArn: key.keyArn, crossRegionReferences });
  const primary = new PrimaryStack(app, 'IdentityApi', { env: env(settings.region), settings, definition, bundles, poolKeyArn: key.keyArn, crossRegionReferences });
  // The replica is made with the primary: the key must be in both Regions by then.
  primary.addStackDependency(keyReplica);
  const secondary = new SecondaryStack(app, 'IdentityApiSecondary', {
    env: env(secondaryRegion),
    settings,
    definition,
    bundles,
    userPoolId: primary.userPool.pool.ref,
    clientId: primary.userPool.client.ref,
    crossRegionReferences,
  });
  secondary.addStackDependency(primary);
  return { primary, secondary, key, keyReplica };
}
