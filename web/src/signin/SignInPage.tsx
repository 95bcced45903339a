/**
 * Signing in, step by step (steps.ts). A finished sign-in hands its tokens to the session (the
 * refresh token went into the API's cookie) and goes where the user was headed; after a second
 * factor from a new device it first offers to remember this browser (RememberDevice.tsx).
 */
import { useEffect, useState } from 'react';
import { useServices, useSession } from '../api/services';
import type { DeviceInput, SignInStepFragment } from '../generated/graphql';
import { navigate, useLocation } from '../router/router';
import { Page } from '../ui/Page';
import { CredentialsStep } from './CredentialsStep';
import { saveDevice } from './deviceStore';
import { RememberDevice } from './RememberDevice';
import { SECOND_FACTOR_STEPS, STEPS } from './steps';
import { UnknownStep } from './UnknownStep';

interface AtStep {
  username: string;
  result: SignInStepFragment;
  /** The remembered device the sign-in started with. */
  device?: DeviceInput;
  /** Whether the password was given on the way (the codes after it are then a second factor). */
  withPassword: boolean;
  /** Whether a second factor was asked on the way. */
  secondFactor: boolean;
}

interface Offer {
  username: string;
  device: DeviceInput;
}

export function SignInPage() {
  const { session } = useServices();
  const state = useSession();
  const { state: route } = useLocation();
  const [step, setStep] = useState<AtStep>();
  const [offer, setOffer] = useState<Offer>();
  const [username, setUsername] = useState(route.username);
  // Restarting remounts the first step with the name kept and a fresh message.
  const [restarted, setRestarted] = useState<{ notice?: string; count: number }>({ count: 0 });
  const next = route.next?.startsWith('/') ? route.next : '/profile';

  useEffect(() => {
    if (state.status === 'signedIn' && !offer) navigate(next, { replace: true });
  }, [state.status, next, offer]);

  const advance = (name: string, result: SignInStepFragment, device: DeviceInput | undefined, withPassword: boolean, secondFactor: boolean) => {
    setUsername(name);
    if (result.nextStep.signInStep === 'DONE' && result.tokens) {
      const created = result.newDevice;
      if (created?.remembered) void saveDevice(name, created);
      else if (created && secondFactor) setOffer({ username: name, device: { key: created.key, groupKey: created.groupKey, secret: created.secret } });
      session.adopt(result.tokens);
    } else {
      // An emailed code without the password (passwordless) is the first factor, not a second.
      setStep({ username: name, result, device, withPassword, secondFactor: secondFactor || (withPassword && SECOND_FACTOR_STEPS.has(result.nextStep.signInStep)) });
    }
  };
  const restart = (notice?: string) => {
    setStep(undefined);
    setRestarted((previous) => ({ notice, count: previous.count + 1 }));
  };

  if (offer && state.status === 'signedIn') {
    return (
      <Page title="Signed in">
        <RememberDevice username={offer.username} device={offer.device} onDone={() => setOffer(undefined)} />
      </Page>
    );
  }

  const Step = step ? (STEPS[step.result.nextStep.signInStep] ?? UnknownStep) : undefined;
  return (
    <Page title="Sign in">
      {restarted.notice ? (
        <p className="notice" role="status">
          {restarted.notice}
        </p>
      ) : null}
      {step && Step ? (
        <Step
          key={step.result.session ?? step.result.nextStep.signInStep}
          result={step.result}
          username={step.username}
          device={step.device}
          advance={(result) => advance(step.username, result, step.device, step.withPassword || step.result.nextStep.signInStep === 'CONFIRM_SIGN_IN_WITH_PASSWORD', step.secondFactor)}
          restart={restart}
        />
      ) : (
        <CredentialsStep key={restarted.count} username={username} onAnswer={(name, result, device, withPassword) => advance(name, result, device, withPassword, false)} />
      )}
    </Page>
  );
}
