/** The directory's record of an account (src/datasources/metadata): activity, plan, flags. */
import type { MetadataFragment } from '../generated/graphql';
import { Details } from '../ui/Details';
import { when } from './format';

const SOURCES: Record<string, string> = { SIGN_UP: 'Signed up', ADMIN_CREATE_USER: 'Invited by an admin', MIGRATION: 'Migrated', RECONCILE: 'Found by reconcile' };

export function MetadataDetails({ metadata }: { metadata: MetadataFragment | null | undefined }) {
  if (!metadata) return <p>No directory record yet.</p>;
  return (
    <Details
      items={[
        ['Joined', when(metadata.createdAt)],
        ['How', metadata.signUpSource ? (SOURCES[metadata.signUpSource] ?? metadata.signUpSource) : null],
        ['Confirmed', when(metadata.confirmedAt)],
        ['Sign-ins', String(metadata.signInCount)],
        ['Last sign-in', when(metadata.lastSignInAt)],
        ['Last address', metadata.lastIp],
        ['Last device', metadata.lastDevice],
        ['Plan', metadata.plan],
        ['Flags', metadata.flags.length ? metadata.flags.join(', ') : null],
      ]}
    />
  );
}
