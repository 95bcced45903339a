/**
 * The user's details, and changing them. A changed email or phone number must be verified again:
 * the API sends a code to the new address, and the code is entered here.
 */
import { useState } from 'react';
import { useServices } from '../api/services';
import { sentTo } from '../account/delivery';
import { UpdateMyAttributesDocument, type UserAttributesInput, type VerifiableAttribute } from '../generated/graphql';
import { customAttributes, statusLabel, when } from '../shared/format';
import { Details } from '../ui/Details';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Section } from '../ui/Page';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import type { SectionProps } from './ProfilePage';
import { VerifyAttribute } from './VerifyAttribute';

const EDITABLE = ['email', 'phoneNumber', 'name', 'givenName', 'familyName'] as const;
type Editable = (typeof EDITABLE)[number];

const VERIFIABLE: Record<string, VerifiableAttribute> = { email: 'EMAIL', phone_number: 'PHONE_NUMBER' };

const verified = (value: string | null, isVerified: boolean) => (value ? `${value} ${isVerified ? '(verified)' : '(not verified)'}` : null);

export function AttributesSection({ profile, onProfile }: SectionProps) {
  const { session } = useServices();
  const [editing, setEditing] = useState(false);
  /** Codes sent by the last change, by attribute. */
  const [sent, setSent] = useState<Partial<Record<VerifiableAttribute, string>>>({});
  const form = useForm<Editable>(Object.fromEntries(EDITABLE.map((name) => [name, profile[name] ?? ''])) as Record<Editable, string>);
  const save = useAction(async () => {
    const changed = EDITABLE.filter((name) => form.values[name].trim() !== (profile[name] ?? '') && form.values[name].trim() !== '');
    if (!changed.length) return setEditing(false);
    const input: UserAttributesInput = Object.fromEntries(changed.map((name) => [name, form.values[name].trim()]));
    const result = await session.call(UpdateMyAttributesDocument, { input });
    if (!result.updateMyAttributes) return;
    onProfile(result.updateMyAttributes.user);
    setSent(Object.fromEntries(result.updateMyAttributes.codeDeliveryDetails.map((delivery) => [VERIFIABLE[delivery.attributeName], sentTo(delivery)])));
    setEditing(false);
  });
  const toVerify = (['EMAIL', 'PHONE_NUMBER'] as const).filter((attribute) =>
    attribute === 'EMAIL' ? profile.email && !profile.emailVerified : profile.phoneNumber && !profile.phoneNumberVerified,
  );
  return (
    <Section id="details" title="Your details">
      <Details
        items={[
          ['Email', verified(profile.email, profile.emailVerified)],
          ['Phone', verified(profile.phoneNumber, profile.phoneNumberVerified)],
          ['Name', profile.name],
          ['Given name', profile.givenName],
          ['Family name', profile.familyName],
          ['Preferred username', profile.preferredUsername],
          ['Locale', profile.locale],
          ['Account', statusLabel(profile.status)],
          ['Groups', profile.groups?.map((group) => group.name).join(', ')],
          ['Member since', when(profile.createdAt)],
          ...customAttributes(profile.customAttributes).map(([name, value]): [string, string] => [name, value]),
        ]}
      />
      {toVerify.map((attribute) => (
        <VerifyAttribute key={`${attribute}:${sent[attribute] ?? ''}`} attribute={attribute} sent={sent[attribute]} onProfile={onProfile} />
      ))}
      {editing ? (
        <Form
          action={save}
          submitLabel="Save details"
          pendingLabel="Saving…"
          aside={
            <button type="button" className="secondary" onClick={() => setEditing(false)}>
              Cancel
            </button>
          }
        >
          <Field label="Email" type="email" autoComplete="email" inputMode="email" {...form.field('email')} />
          <Field label="Phone number" type="tel" autoComplete="tel" inputMode="tel" {...form.field('phoneNumber')}>
            In international format, for example +14155550123.
          </Field>
          <Field label="Name" autoComplete="name" {...form.field('name')} />
          <Field label="Given name" autoComplete="given-name" {...form.field('givenName')} />
          <Field label="Family name" autoComplete="family-name" {...form.field('familyName')} />
        </Form>
      ) : (
        <button type="button" onClick={() => setEditing(true)}>
          Edit details
        </button>
      )}
    </Section>
  );
}
