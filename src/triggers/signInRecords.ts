/**
 * One sign-in runs three triggers back to back (PreAuthentication, PreTokenGeneration,
 * PostAuthentication) and each needs the user's directory record. PreAuthentication reads it
 * anyway (it is its check), so the two after it may take that read instead of their own, for a
 * moment: SIGN_IN_READ_MS. Each trigger stays correct without it (a Lambda function has only its
 * own copy): a record taken here that has changed since only costs PostAuthentication's
 * conditional count one more try, and PreTokenGeneration of a sign-in reads the plan as it was
 * when the sign-in began. Refreshes and everything else read afresh.
 */
import type { DirectoryProfile } from '../datasources/metadata/directory.types';

export const SIGN_IN_READ_MS = 2000;
const REMEMBERED = 10_000;

export class SignInRecords {
  private readonly records = new Map<string, { record: DirectoryProfile; at: number }>();

  constructor(private readonly now: () => number) {}

  keep(record: DirectoryProfile): void {
    // Oldest first out: a Map iterates in insertion order.
    this.records.delete(record.sub);
    if (this.records.size >= REMEMBERED) this.records.delete(this.records.keys().next().value!);
    this.records.set(record.sub, { record, at: this.now() });
  }

  /** The record PreAuthentication read for this sign-in, if recent. */
  recent(sub: string): DirectoryProfile | undefined {
    const kept = this.records.get(sub);
    if (!kept || this.now() - kept.at > SIGN_IN_READ_MS) return undefined;
    return kept.record;
  }

  /** The same, used up: PostAuthentication is the sign-in's last reader. */
  take(sub: string): DirectoryProfile | undefined {
    const record = this.recent(sub);
    this.records.delete(sub);
    return record;
  }
}
