/** "Was this you?": the account's security events, newest first, and the directory's record of it. */
import { useServices } from '../api/services';
import { type EventPageFragment, MySecurityEventsDocument } from '../generated/graphql';
import { MetadataDetails } from '../shared/MetadataDetails';
import { SecurityEvents } from '../shared/SecurityEvents';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Section } from '../ui/Page';
import { SubmitButton } from '../ui/SubmitButton';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import type { SectionProps } from './ProfilePage';

export function ActivitySection({ profile }: SectionProps) {
  const { session } = useServices();
  const page = (nextToken?: string) => session.call(MySecurityEventsDocument, { nextToken }).then((data) => data.me?.securityEvents ?? undefined);
  const load = useLoad(() => page(), []);
  const events: EventPageFragment | undefined = load.data;
  const more = useAction(async (nextToken: string) => {
    const older = await page(nextToken);
    if (older && events) load.set({ items: [...events.items, ...older.items], nextToken: older.nextToken });
  });
  return (
    <Section id="activity" title="Security activity">
      <p>Was this you? If you see something you did not do, change your password and sign out everywhere.</p>
      {events ? <SecurityEvents page={events} label="Security activity" /> : null}
      <ErrorNotice error={load.error ?? more.error} />
      {events?.nextToken ? <SubmitButton type="button" pending={more.pending} label="Show older activity" pendingLabel="Loading…" onClick={() => void more.run(events.nextToken!)} /> : null}
      <h3>Your record</h3>
      <MetadataDetails metadata={profile.metadata} />
    </Section>
  );
}
