/**
 * What every page uses, made once the runtime config is loaded: the config, the GraphQL client,
 * and the session. Pages reach them through hooks, never through globals.
 */
import { createContext, type ReactNode, useContext, useSyncExternalStore } from 'react';
import type { RuntimeConfig } from '../config';
import type { TypedDocumentString } from '../generated/graphql';
import { Session, type SessionState } from '../session/session';
import { GraphQLClient } from './client';

export interface Services {
  config: RuntimeConfig;
  session: Session;
  /** A public operation, sent with the app's API key (in cookie mode when it may start a session). */
  asApp<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables, options?: { cookie?: boolean }): Promise<TResult>;
}

export function createServices(config: RuntimeConfig): Services {
  const client = new GraphQLClient(config.graphqlUrl);
  return {
    config,
    session: new Session(client, config.apiKey),
    asApp: (document, variables, options = {}) => client.send(document, variables, { apiKey: config.apiKey, cookie: options.cookie }),
  };
}

const ServicesContext = createContext<Services | null>(null);

export function ServicesProvider({ services, children }: { services: Services; children: ReactNode }) {
  return <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>;
}

export function useServices(): Services {
  const services = useContext(ServicesContext);
  if (!services) throw new Error('useServices outside ServicesProvider');
  return services;
}

/** The session's state, re-rendering on every change. */
export function useSession(): SessionState {
  const { session } = useServices();
  return useSyncExternalStore(session.subscribe, session.getState);
}
