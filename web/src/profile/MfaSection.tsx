/**
 * Two-step verification: the factors turned on and the one asked for; setting up an
 * authenticator app (setUpTotp, its QR code drawn here, then verifyTotpSetup with a code from
 * the app); turning factors on and off and choosing the preferred one (updateMfaPreference).
 * The API lets these change only within 5 minutes of signing in, or with the current password:
 * when it answers REAUTHENTICATION_REQUIRED, the password is asked for and the change tried
 * again with it. "End my other sessions" goes with any change.
 */
import { useState } from 'react';
import { ApiFailure } from '../api/failure';
import { useServices } from '../api/services';
import {
  type MfaPreferenceFieldsFragment,
  type MfaPreferenceInput,
  MyMfaPreferenceDocument,
  SetUpTotpDocument,
  type SetUpTotpMutation,
  UpdateMfaPreferenceDocument,
  VerifyTotpSetupDocument,
} from '../generated/graphql';
import { factorLabel, mfaSummary } from '../shared/security';
import { Details } from '../ui/Details';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Checkbox, Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Notice } from '../ui/Notice';
import { Section } from '../ui/Page';
import { SubmitButton } from '../ui/SubmitButton';
import { TotpQr } from '../ui/TotpQr';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import { useLoad } from '../ui/useLoad';

type Setup = NonNullable<SetUpTotpMutation['setUpTotp']>;
type Change = { what: string; input: Omit<MfaPreferenceInput, 'currentPassword' | 'endOtherSessions'> };

const REAUTH = 'REAUTHENTICATION_REQUIRED';

export function MfaSection() {
  const { session } = useServices();
  const load = useLoad(async () => (await session.call(MyMfaPreferenceDocument, {})).myMfaPreference, []);
  const preference = load.data;
  const [setup, setSetup] = useState<Setup>();
  const [needsPassword, setNeedsPassword] = useState(false);
  const [endOthers, setEndOthers] = useState(false);
  const [done, setDone] = useState<string>();
  const form = useForm({ code: '', currentPassword: '' }, ['code', 'currentPassword']);

  /** Sends a change with what reauthentication needs; asks for the password when the API wants it. */
  const guarded = async (send: (extra: { currentPassword?: string; endOtherSessions: boolean }) => Promise<{ mfaPreference: MfaPreferenceFieldsFragment; otherSessionsEnded: boolean } | null | undefined>, what: string) => {
    setDone(undefined);
    try {
      const result = await send({ currentPassword: needsPassword ? form.values.currentPassword : undefined, endOtherSessions: endOthers });
      if (!result) return;
      load.set(result.mfaPreference);
      setNeedsPassword(false);
      form.clearSecrets();
      setDone(`${what}${result.otherSessionsEnded ? ' Your other sessions have ended.' : ''}`);
    } catch (error) {
      if (error instanceof ApiFailure && error.code === REAUTH) setNeedsPassword(true);
      throw error;
    }
  };

  const start = useAction(async () => {
    setDone(undefined);
    const details = (await session.call(SetUpTotpDocument, {})).setUpTotp;
    if (details) setSetup(details);
  });
  const verify = useAction(
    () =>
      guarded(async (extra) => {
        const result = (await session.call(VerifyTotpSetupDocument, { input: { code: form.values.code.trim(), ...extra } })).verifyTotpSetup;
        if (result) setSetup(undefined);
        return result;
      }, 'The authenticator app is on: signing in now asks for its code.'),
    { onFailure: form.clearSecrets },
  );
  const change = useAction(
    ({ what, input }: Change) => guarded(async (extra) => (await session.call(UpdateMfaPreferenceDocument, { input: { ...input, ...extra } })).updateMfaPreference, what),
    { onFailure: form.clearSecrets },
  );

  const enabled = new Set(preference?.enabled ?? []);
  const changes: Change[] = [];
  if (enabled.has('TOTP')) {
    if (preference?.preferred !== 'TOTP') changes.push({ what: 'The authenticator app is now asked for first.', input: { totp: 'PREFERRED' } });
    changes.push({ what: 'The authenticator app is off.', input: { totp: 'DISABLED' } });
  }
  if (enabled.has('EMAIL')) {
    if (preference?.preferred !== 'EMAIL') changes.push({ what: 'Codes by email are now asked for first.', input: { email: 'PREFERRED' } });
    changes.push({ what: 'Codes by email are off.', input: { email: 'DISABLED' } });
  } else changes.push({ what: 'Codes by email are on: signing in now sends one to your address.', input: { email: 'ENABLED' } });
  const labelOf = ({ input }: Change): string => {
    const [factor, value] = Object.entries(input).find(([, v]) => v)!;
    const name = factorLabel(factor.toUpperCase()).toLowerCase();
    return value === 'PREFERRED' ? `Prefer ${name}` : value === 'DISABLED' ? `Turn off ${name}` : `Turn on ${name}`;
  };

  return (
    <Section id="mfa" title="Two-step verification">
      <p>A second step after your password: a code from an authenticator app, or one sent by email.</p>
      {preference !== undefined ? <Details items={[['Turned on', mfaSummary(preference)]]} /> : null}
      <Notice text={done} />
      {needsPassword ? (
        <Field label="Your current password" type="password" autoComplete="current-password" required {...form.field('currentPassword')}>
          You signed in more than 5 minutes ago: confirm your password to change two-step verification.
        </Field>
      ) : null}
      <Checkbox label="End my other sessions" checked={endOthers} onChange={setEndOthers} />
      {setup ? (
        <div className="verify">
          <h3>Set up an authenticator app</h3>
          <TotpQr setupUri={setup.setupUri} secret={setup.sharedSecret} />
          <Form
            action={verify}
            submitLabel="Turn on the authenticator app"
            pendingLabel="Checking…"
            aside={
              <button type="button" className="secondary" onClick={() => setSetup(undefined)}>
                Cancel
              </button>
            }
          >
            <Field label="Code from the app" autoComplete="one-time-code" inputMode="numeric" required {...form.field('code')} />
          </Form>
        </div>
      ) : (
        <div className="actions">
          {!enabled.has('TOTP') && preference !== undefined ? (
            <SubmitButton type="button" pending={start.pending} label="Set up an authenticator app" pendingLabel="Starting…" onClick={() => void start.run()} />
          ) : null}
          {preference !== undefined
            ? changes.map((item) => <SubmitButton key={labelOf(item)} type="button" pending={change.pending} label={labelOf(item)} pendingLabel="Saving…" onClick={() => void change.run(item)} />)
            : null}
        </div>
      )}
      <ErrorNotice error={load.error ?? start.error ?? (setup ? undefined : change.error)} />
    </Section>
  );
}
