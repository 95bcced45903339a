/**
 * Sign-in is a state machine: each answer names the next step, and each step the app can take
 * is one component here, keyed by the API's SignInStep. A step the app does not know (the API
 * may be newer) falls to UnknownStep, a clear message.
 */
import type { ComponentType } from 'react';
import type { DeviceInput, SignInStepFragment } from '../generated/graphql';
import { CodeStep } from './CodeStep';
import { ConfirmSignUpStep } from './ConfirmSignUpStep';
import { FirstFactorStep, MfaSelectionStep } from './ChoiceSteps';
import { NewPasswordStep } from './NewPasswordStep';
import { PasswordStep } from './PasswordStep';
import { ResetPasswordStep } from './ResetPasswordStep';
import { TotpSetupStep } from './TotpSetupStep';

export interface StepProps {
  /** The answer that named this step (its session, missing attributes, where a code went). */
  result: SignInStepFragment;
  username: string;
  /** The remembered device given to signIn, sent again with each answer (a later step may need its proof). */
  device?: DeviceInput;
  /** Takes the next answer: DONE signs in, anything else is the next step. */
  advance(result: SignInStepFragment): void;
  /** Back to the first step, with a message (e.g. after confirming the account). */
  restart(notice?: string): void;
}

export const STEPS: Readonly<Record<string, ComponentType<StepProps>>> = {
  CONFIRM_SIGN_UP: ConfirmSignUpStep,
  RESET_PASSWORD: ResetPasswordStep,
  CONFIRM_SIGN_IN_WITH_NEW_PASSWORD_REQUIRED: NewPasswordStep,
  CONFIRM_SIGN_IN_WITH_TOTP_CODE: CodeStep,
  CONFIRM_SIGN_IN_WITH_EMAIL_CODE: CodeStep,
  CONFIRM_SIGN_IN_WITH_SMS_CODE: CodeStep,
  CONFIRM_SIGN_IN_WITH_PASSWORD: PasswordStep,
  CONTINUE_SIGN_IN_WITH_TOTP_SETUP: TotpSetupStep,
  CONTINUE_SIGN_IN_WITH_MFA_SELECTION: MfaSelectionStep,
  CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION: MfaSelectionStep,
  CONTINUE_SIGN_IN_WITH_FIRST_FACTOR_SELECTION: FirstFactorStep,
};

/** Steps that are a second factor: a sign-in that passed one may offer to remember the browser. */
export const SECOND_FACTOR_STEPS: ReadonlySet<string> = new Set([
  'CONFIRM_SIGN_IN_WITH_TOTP_CODE',
  'CONFIRM_SIGN_IN_WITH_EMAIL_CODE',
  'CONFIRM_SIGN_IN_WITH_SMS_CODE',
  'CONTINUE_SIGN_IN_WITH_TOTP_SETUP',
  'CONTINUE_SIGN_IN_WITH_MFA_SELECTION',
  'CONTINUE_SIGN_IN_WITH_MFA_SETUP_SELECTION',
]);
