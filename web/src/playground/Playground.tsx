/**
 * The playground: GraphiQL, bundled into this app and served by the API, so it needs no CDN and
 * works offline or under a strict CSP. It opens with the app's key in x-api-key (embedded mode),
 * a first operation, a Sign in panel and an Examples panel; it keeps its tabs in memory only.
 */
import { GraphiQL, type GraphiQLProps } from 'graphiql';
import { useEffect, useMemo } from 'react';
import type { RuntimeConfig } from '../config';
import { ExamplesPanel } from './ExamplesPanel';
import { BookIcon, KeyIcon } from './icons';
import { memoryStorage } from './memoryStorage';
import { SignInPanel } from './SignInPanel';
import { fixTabRoles } from './tabRoles';
import { WELCOME } from './examples';

export function Playground({ config }: { config: RuntimeConfig }) {
  const setup = useMemo(() => {
    const headers = JSON.stringify(config.apiKey ? { 'x-api-key': config.apiKey } : {}, null, 2);
    const fetcher: GraphiQLProps['fetcher'] = async (params, options) => {
      const response = await fetch(config.graphqlUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...(options?.headers as Record<string, string> | undefined) },
        body: JSON.stringify(params),
        // The portal's session cookie is the portal's: the playground sends what its editor says.
        credentials: 'omit',
      });
      return response.json();
    };
    const examples = { title: 'Examples', icon: BookIcon, content: ExamplesPanel };
    const signIn = { title: 'Sign in', icon: KeyIcon, content: () => <SignInPanel config={config} /> };
    return { headers, fetcher, plugins: [signIn, examples], storage: memoryStorage() };
  }, [config]);
  useEffect(() => fixTabRoles(document.getElementById('playground')!), []);
  return (
    <GraphiQL
      fetcher={setup.fetcher}
      storage={setup.storage}
      plugins={setup.plugins}
      visiblePlugin={setup.plugins[0]}
      initialQuery={WELCOME}
      initialHeaders={setup.headers}
      defaultHeaders={setup.headers}
      defaultEditorToolsVisibility="headers"
      shouldPersistHeaders={false}
    >
      <GraphiQL.Logo>Identity API</GraphiQL.Logo>
    </GraphiQL>
  );
}
