/**
 * The secured profile page: the signed-in user's details, password, activity, sign-out and
 * account deletion, two-step verification (the TOTP QR code drawn here, by the qrcode package),
 * devices and sessions, one section each.
 */
import type { ComponentType } from 'react';
import { useServices } from '../api/services';
import { type MyProfileQuery, MyProfileDocument } from '../generated/graphql';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Page } from '../ui/Page';
import { useLoad } from '../ui/useLoad';
import { ActivitySection } from './ActivitySection';
import { AttributesSection } from './AttributesSection';
import { DeleteAccountSection } from './DeleteAccountSection';
import { DevicesSection } from './DevicesSection';
import { MfaSection } from './MfaSection';
import { PasswordSection } from './PasswordSection';
import { SessionsSection } from './SessionsSection';
import { SignOutSection } from './SignOutSection';

export type Profile = NonNullable<MyProfileQuery['me']>;

export interface SectionProps {
  profile: Profile;
  /** Takes the user as a change returned it (attributes, verification). */
  onProfile(update: Partial<Profile>): void;
}

const SECTIONS: readonly ComponentType<SectionProps>[] = [AttributesSection, PasswordSection, MfaSection, DevicesSection, SessionsSection, ActivitySection, SignOutSection, DeleteAccountSection];

export function ProfilePage() {
  const { session } = useServices();
  const load = useLoad(async () => (await session.call(MyProfileDocument, {})).me, []);
  const profile = load.data;
  return (
    <Page title="Your profile" wide>
      {profile ? (
        SECTIONS.map((Section, index) => <Section key={index} profile={profile} onProfile={(update) => load.set({ ...profile, ...update })} />)
      ) : load.error ? (
        <ErrorNotice error={load.error} />
      ) : (
        <p className="loading" role="status">
          Loading your profile…
        </p>
      )}
    </Page>
  );
}
