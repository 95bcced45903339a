/**
 * A user's second factors, devices and sessions, for an admin: turn their MFA off (a lost phone;
 * adminSetUserMfaPreference, with an event naming the admin), forget a device
 * (adminForgetDevice). Sessions are shown; signing the user out everywhere is in UserActions.
 */
import { useState } from 'react';
import { useServices } from '../api/services';
import { AdminForgetDeviceDocument, AdminSetUserMfaPreferenceDocument, type MfaFactorsInput } from '../generated/graphql';
import { DeviceTable, mfaSummary, SessionTable } from '../shared/security';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Details } from '../ui/Details';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { Section } from '../ui/Page';
import { useAction } from '../ui/useAction';
import type { AdminUser } from './UserPage';

export function UserSecurity({ user, onChange }: { user: AdminUser; onChange: () => Promise<void> }) {
  const { session } = useServices();
  const { username } = user;
  const [done, setDone] = useState<string>();
  const [pending, setPending] = useState<string>();
  const enabled = user.mfaPreference?.enabled ?? [];
  const turnOff = useAction(async () => {
    setDone(undefined);
    // Only the factors turned on: DISABLED for one never set up is refused.
    const input: MfaFactorsInput = Object.fromEntries(enabled.map((type) => [type.toLowerCase(), 'DISABLED']));
    await session.call(AdminSetUserMfaPreferenceDocument, { username, input });
    await onChange();
    setDone('Two-step verification is off for this user: they sign in with their password alone until they set it up again.');
  });
  const forget = useAction(async (key: string) => {
    setDone(undefined);
    setPending(key);
    try {
      await session.call(AdminForgetDeviceDocument, { username, key });
      await onChange();
      setDone('The device is forgotten: signing in from it asks for the second step again.');
    } finally {
      setPending(undefined);
    }
  });
  return (
    <>
      <Section id="user-mfa" title="Two-step verification">
        <Details items={[['Turned on', mfaSummary(user.mfaPreference)]]} />
        {enabled.length ? (
          <ConfirmButton
            label="Turn off two-step verification"
            question="Turn off every second factor of this account? Anyone with the password can then sign in."
            confirmLabel="Yes, turn it off"
            pendingLabel="Turning off…"
            action={turnOff}
          />
        ) : null}
      </Section>
      <Section id="user-devices" title="Devices">
        <DeviceTable devices={user.devices?.items ?? []} label="The user's devices" action={{ label: 'Forget', run: (key) => void forget.run(key), pending }} />
        <ErrorNotice error={forget.error} />
      </Section>
      <Section id="user-sessions" title="Sessions">
        <SessionTable sessions={user.sessions?.items ?? []} label="The user's sessions" />
      </Section>
      <Notice text={done} />
    </>
  );
}
