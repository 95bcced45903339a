/**
 * The API's datasources, built on its two SDK clients (the Cognito gateway and the DynamoDB
 * document client). What keeps state across requests is made once and shared: the pool's cached
 * description, the revocation windows and batches, the profile reuse window. The rest costs a few
 * small objects, so an observed request gets a set of its own whose clients count their calls into
 * the request's scope and whose lines carry its ids (see observability/backendCalls.ts).
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DataSources } from '../context';
import type { Logger } from '../logger';
import { AccountDataSource } from './cognito/account.datasource';
import { AdminUsersDataSource } from './cognito/adminUsers.datasource';
import { DevicesDataSource } from './cognito/devices.datasource';
import type { CognitoGateway } from './cognito/gateway';
import { GroupsDataSource } from './cognito/groups.datasource';
import { MfaDataSource } from './cognito/mfa.datasource';
import type { PoolDataSource } from './cognito/pool.datasource';
import { ProfileDataSource } from './cognito/profile.datasource';
import type { RecentProfiles } from './cognito/recentProfiles';
import { SessionDataSource } from './cognito/session.datasource';
import { DirectoryOptions, DirectoryStore } from './metadata/directory.store';
import type { Directory } from './metadata/directory.types';
import { LocksStore } from './metadata/locks.store';
import type { RevocationsStore } from './metadata/revocations.store';
import { SessionsStore } from './metadata/sessions.store';

/** The parts every set shares. */
export interface SharedSources {
  recent: RecentProfiles;
  pool: PoolDataSource;
  revocations: RevocationsStore;
  table: string;
  totpIssuer: string;
  directory: DirectoryOptions;
  /** Tests only (ApiHooks.wrapDirectory). */
  wrapDirectory?: (directory: Directory) => Directory;
}

/** The clients one set calls through, and the logger its lines go to. */
export interface SourceClients {
  cognito: CognitoGateway;
  doc: DynamoDBDocumentClient;
  logger: Logger;
}

export function createDataSources({ cognito, doc, logger }: SourceClients, shared: SharedSources): DataSources {
  const devices = new DevicesDataSource(cognito);
  const directory = new DirectoryStore(doc, shared.table, shared.directory);
  return {
    account: new AccountDataSource(cognito),
    session: new SessionDataSource(cognito, shared.recent, devices, { totpIssuer: shared.totpIssuer, logger }),
    profile: new ProfileDataSource(cognito, shared.recent),
    adminUsers: new AdminUsersDataSource(cognito, shared.recent),
    groups: new GroupsDataSource(cognito),
    pool: shared.pool,
    mfa: new MfaDataSource(cognito, shared.totpIssuer),
    devices,
    sessions: new SessionsStore(doc, shared.table),
    revocations: shared.revocations,
    locks: new LocksStore(doc, shared.table),
    directory: shared.wrapDirectory ? shared.wrapDirectory(directory) : directory,
  };
}
