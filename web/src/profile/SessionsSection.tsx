/**
 * The account's live sign-in sessions, newest first, this one marked. Ending one stops its
 * tokens at once (it must sign in again); signing out everywhere is in SignOutSection.
 */
import { useState } from 'react';
import { useServices } from '../api/services';
import { EndSessionDocument, MySessionsDocument } from '../generated/graphql';
import { SessionTable } from '../shared/security';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { Section } from '../ui/Page';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';

export function SessionsSection() {
  const { session } = useServices();
  const load = useLoad(async () => (await session.call(MySessionsDocument, {})).mySessions, []);
  const [pending, setPending] = useState<string>();
  const [done, setDone] = useState<string>();
  const end = useAction(async (id: string) => {
    setPending(id);
    setDone(undefined);
    try {
      await session.call(EndSessionDocument, { id });
      await load.reload();
      setDone('The session has ended.');
    } finally {
      setPending(undefined);
    }
  });
  return (
    <Section id="sessions" title="Sessions">
      <p>Where your account is signed in now. End a session you do not recognise, then change your password.</p>
      {load.data ? <SessionTable sessions={load.data.items} label="Your sessions" action={{ label: 'End', run: (id) => void end.run(id), pending }} /> : null}
      <Notice text={done} />
      <ErrorNotice error={load.error ?? end.error} />
    </Section>
  );
}
