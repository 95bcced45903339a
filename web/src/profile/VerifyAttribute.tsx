/** Verifying an email address or phone number: a code is sent to it, and the code proves it is theirs. */
import { useState } from 'react';
import { useServices } from '../api/services';
import { sentTo } from '../account/delivery';
import { ConfirmAttributeDocument, SendAttributeVerificationCodeDocument, type VerifiableAttribute } from '../generated/graphql';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Field } from '../ui/Field';
import { Form } from '../ui/Form';
import { Notice } from '../ui/Notice';
import { SubmitButton } from '../ui/SubmitButton';
import { useAction } from '../ui/useAction';
import { useForm } from '../ui/useForm';
import type { SectionProps } from './ProfilePage';

const LABELS: Record<VerifiableAttribute, string> = { EMAIL: 'email address', PHONE_NUMBER: 'phone number' };

export function VerifyAttribute({ attribute, sent: initiallySent, onProfile }: { attribute: VerifiableAttribute; sent?: string; onProfile: SectionProps['onProfile'] }) {
  const { session } = useServices();
  const [sent, setSent] = useState(initiallySent);
  const form = useForm({ code: '' }, ['code']);
  const send = useAction(async () => {
    const delivery = await session.call(SendAttributeVerificationCodeDocument, { attribute });
    setSent(sentTo(delivery.sendAttributeVerificationCode));
  });
  const verify = useAction(
    async () => {
      const result = await session.call(ConfirmAttributeDocument, { input: { attribute, code: form.values.code.trim() } });
      if (result.confirmAttribute) onProfile(result.confirmAttribute);
    },
    { onFailure: form.clearSecrets },
  );
  const label = LABELS[attribute];
  return (
    <div className="verify">
      <h3>Verify your {label}</h3>
      {sent ? (
        <>
          <Notice text={sent} />
          <Form
            action={verify}
            submitLabel={`Verify ${label}`}
            pendingLabel="Verifying…"
            aside={<SubmitButton type="button" pending={send.pending} label="Send a new code" pendingLabel="Sending…" onClick={() => void send.run()} />}
          >
            <Field label="Verification code" autoComplete="one-time-code" inputMode="numeric" required {...form.field('code')} />
          </Form>
        </>
      ) : (
        <SubmitButton type="button" pending={send.pending} label={`Send a code to verify your ${label}`} pendingLabel="Sending…" onClick={() => void send.run()} />
      )}
      <ErrorNotice error={send.error} />
    </div>
  );
}
