/**
 * Signing in, step by step (steps.ts). A finished sign-in hands its tokens to the session (the
 * refresh token went into the API's cookie) and goes where the user was headed.
 */
import { useEffect, useState } from 'react';
import { useServices, useSession } from '../api/services';
import type { SignInStepFragment } from '../generated/graphql';
import { navigate, useLocation } from '../router/router';
import { Page } from '../ui/Page';
import { CredentialsStep } from './CredentialsStep';
import { STEPS } from './steps';
import { UnknownStep } from './UnknownStep';

interface AtStep {
  username: string;
  result: SignInStepFragment;
}

export function SignInPage() {
  const { session } = useServices();
  const state = useSession();
  const { state: route } = useLocation();
  const [step, setStep] = useState<AtStep>();
  const [username, setUsername] = useState(route.username);
  // Restarting remounts the first step with the name kept and a fresh message.
  const [restarted, setRestarted] = useState<{ notice?: string; count: number }>({ count: 0 });
  const next = route.next?.startsWith('/') ? route.next : '/profile';

  useEffect(() => {
    if (state.status === 'signedIn') navigate(next, { replace: true });
  }, [state.status, next]);

  const advance = (name: string, result: SignInStepFragment) => {
    setUsername(name);
    if (result.nextStep.signInStep === 'DONE' && result.tokens) session.adopt(result.tokens);
    else setStep({ username: name, result });
  };
  const restart = (notice?: string) => {
    setStep(undefined);
    setRestarted((previous) => ({ notice, count: previous.count + 1 }));
  };

  const Step = step ? (STEPS[step.result.nextStep.signInStep] ?? UnknownStep) : undefined;
  return (
    <Page title="Sign in">
      {restarted.notice ? (
        <p className="notice" role="status">
          {restarted.notice}
        </p>
      ) : null}
      {step && Step ? (
        <Step key={step.result.session ?? step.result.nextStep.signInStep} result={step.result} username={step.username} advance={(result) => advance(step.username, result)} restart={restart} />
      ) : (
        <CredentialsStep key={restarted.count} username={username} onAnswer={advance} />
      )}
    </Page>
  );
}
