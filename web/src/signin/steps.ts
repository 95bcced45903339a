/**
 * Sign-in is a state machine: each answer names the next step, and each step the app can take
 * is one component here, keyed by the API's SignInStep. A step the app does not know (the API
 * may be newer) falls to UnknownStep, a clear message. Steps of the later issue (MFA codes,
 * TOTP setup, MFA selection, passwordless codes, remembering the device) slot in as entries.
 */
import type { ComponentType } from 'react';
import type { SignInStepFragment } from '../generated/graphql';
import { ConfirmSignUpStep } from './ConfirmSignUpStep';
import { NewPasswordStep } from './NewPasswordStep';
import { ResetPasswordStep } from './ResetPasswordStep';

export interface StepProps {
  /** The answer that named this step (its session, missing attributes, where a code went). */
  result: SignInStepFragment;
  username: string;
  /** Takes the next answer: DONE signs in, anything else is the next step. */
  advance(result: SignInStepFragment): void;
  /** Back to the first step, with a message (e.g. after confirming the account). */
  restart(notice?: string): void;
}

export const STEPS: Readonly<Record<string, ComponentType<StepProps>>> = {
  CONFIRM_SIGN_UP: ConfirmSignUpStep,
  RESET_PASSWORD: ResetPasswordStep,
  CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED: NewPasswordStep,
};
