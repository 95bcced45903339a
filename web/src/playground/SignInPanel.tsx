/**
 * The playground's sign-in helper: signs in with the app's key and puts the access token in the
 * Authorization header of the tab in use, so signed-in operations (`me`) just run. Only the
 * access token is asked for; it lives in the editor's memory like anything else typed there.
 */
import { useGraphiQL } from '@graphiql/react';
import { useState } from 'react';
import { GraphQLClient } from '../api/client';
import type { RuntimeConfig } from '../config';
import { PlaygroundSignInDocument } from '../generated/graphql';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Notice } from '../ui/Notice';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { headerOf, withHeader } from './headers';

export function SignInPanel({ config }: { config: RuntimeConfig }) {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const form = useForm({ email: '', password: '' }, ['password']);
  const [status, setStatus] = useState<string>();
  const signIn = useAction(
    async () => {
      setStatus(undefined);
      const apiKey = headerOf(headerEditor?.getValue() ?? '', 'x-api-key') ?? config.apiKey;
      const result = await new GraphQLClient(config.graphqlUrl).send(PlaygroundSignInDocument, { input: { username: form.values.email.trim(), password: form.values.password } }, { apiKey });
      const tokens = result.signIn?.tokens;
      if (!tokens) {
        setStatus(`This account must first take the step ${result.signIn?.nextStep.signInStep ?? '(unknown)'}: finish it in the portal, then sign in here.`);
        return;
      }
      headerEditor?.setValue(withHeader(headerEditor.getValue(), 'Authorization', `Bearer ${tokens.accessToken}`));
      form.clearSecrets();
      setStatus(`Signed in as ${form.values.email.trim()}. The access token is in the Authorization header until ${new Date(tokens.expiresAt).toLocaleTimeString()}.`);
    },
    { onFailure: form.clearSecrets },
  );
  const forget = () => {
    headerEditor?.setValue(withHeader(headerEditor.getValue(), 'Authorization', undefined));
    setStatus('The Authorization header is removed.');
  };
  return (
    <div className="panel">
      <div className="graphiql-doc-explorer-title">Sign in</div>
      <p>Sign in to run signed-in operations: the access token goes into this tab's Authorization header.</p>
      <Form action={signIn} submitLabel="Sign in" pendingLabel="Signing in…" aside={<button type="button" className="secondary" onClick={forget}>Remove token</button>}>
        <Field label="Email" type="email" autoComplete="username" required {...form.field('email')} />
        <Field label="Password" type="password" autoComplete="current-password" required {...form.field('password')} />
      </Form>
      <Notice text={status} />
    </div>
  );
}
