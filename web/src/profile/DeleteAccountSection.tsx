/** Deleting one's own account, after a confirmation. The API refuses it for the last admin (a safety rail). */
import { useServices } from '../api/services';
import { DeleteMyAccountDocument } from '../generated/graphql';
import { navigate } from '../router/router';
import { ConfirmButton } from '../ui/ConfirmButton';
import { Section } from '../ui/Page';
import { useAction } from '../ui/useAction';

export function DeleteAccountSection() {
  const { session } = useServices();
  const remove = useAction(async () => {
    await session.call(DeleteMyAccountDocument, {}, { cookie: true });
    session.end('Your account has been deleted.');
    navigate('/', { state: { notice: 'Your account has been deleted.' } });
  });
  return (
    <Section id="delete" title="Delete your account">
      <p>This deletes your account and everything the service keeps about you. It cannot be undone.</p>
      <ConfirmButton label="Delete my account" question="Delete your account for good? You will be signed out." confirmLabel="Yes, delete my account" pendingLabel="Deleting…" action={remove} />
    </Section>
  );
}
