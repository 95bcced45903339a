/** Signing out: of this device (its session is revoked), or of every device at once. */
import { useServices } from '../api/services';
import { navigate } from '../router/router';
import { Section } from '../ui/Page';
import { SubmitButton } from '../ui/SubmitButton';
import { ErrorNotice } from '../ui/ErrorNotice';
import { useAction } from '../ui/useAction';

export function SignOutSection() {
  const { session } = useServices();
  const here = useAction(async () => {
    await session.signOut();
    navigate('/sign-in', { state: { notice: 'You have signed out.' } });
  });
  const everywhere = useAction(async () => {
    await session.signOutEverywhere();
    navigate('/sign-in', { state: { notice: 'You have signed out on every device.' } });
  });
  return (
    <Section id="sign-out" title="Sign out">
      <p>Signing out everywhere ends every session of your account, on every device, at once.</p>
      <div className="actions">
        <SubmitButton type="button" pending={here.pending} label="Sign out on this device" pendingLabel="Signing out…" onClick={() => void here.run()} />
        <SubmitButton type="button" pending={everywhere.pending} label="Sign out everywhere" pendingLabel="Signing out everywhere…" onClick={() => void everywhere.run()} />
      </div>
      <ErrorNotice error={here.error ?? everywhere.error} />
    </Section>
  );
}
