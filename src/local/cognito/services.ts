/** Everything an operation may use, built once per engine and handed to every operation. */
import type { Clock } from './clock';
import type { AuthEventsStore } from './domain/authEvents.store';
import type { Budgets } from './domain/budgets';
import type { CodeService } from './domain/codes';
import type { DevicesStore } from './domain/devices/devices.store';
import type { GhostsStore } from './domain/ghosts.store';
import type { GroupsStore } from './domain/groups.store';
import type { Lockout } from './domain/lockout';
import type { SecretBox } from './domain/mfa/secretBox';
import type { Outbox } from './domain/outbox';
import type { PasswordHasher } from './domain/passwords';
import type { PoolsStore } from './domain/pools.store';
import type { SessionsStore } from './domain/sessions.store';
import type { TokenSigner } from './domain/tokens';
import type { CustomMessages } from './domain/triggers/customMessage';
import type { TriggerInvoker } from './domain/triggers/invoker';
import type { UsersStore } from './domain/users.store';

export interface EngineServices {
  clock: Clock;
  region: string;
  pools: PoolsStore;
  users: UsersStore;
  sessions: SessionsStore;
  groups: GroupsStore;
  ghosts: GhostsStore;
  devices: DevicesStore;
  codes: CodeService;
  budgets: Budgets;
  lockout: Lockout;
  hasher: PasswordHasher;
  /** Seals secrets the engine reads back (TOTP secrets). */
  secrets: SecretBox;
  tokens: TokenSigner;
  outbox: Outbox;
  /** Calls the pool's Lambda triggers (domain/triggers). */
  triggers: TriggerInvoker;
  /** Composes coded messages through the CustomMessage trigger. */
  messages: CustomMessages;
  authEvents: AuthEventsStore;
}

/** What an operation receives: its parsed input, and where and what sent it. */
export interface OperationRequest {
  input: Record<string, unknown>;
  sourceIp: string;
  /** The sending SDK as Cognito names it in trigger events, e.g. `aws-sdk-js-3.1169.0`. */
  sdkVersion: string;
}

export type OperationAccess = 'public' | 'token' | 'iam';

export interface Operation {
  access: OperationAccess;
  run(services: EngineServices, request: OperationRequest): Promise<object>;
}
