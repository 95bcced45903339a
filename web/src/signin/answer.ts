/** Answers a step with confirmSignIn, in cookie mode (a DONE answer's refresh token goes into the API's cookie). */
import type { Services } from '../api/services';
import { ConfirmSignInDocument, type ConfirmSignInInput, type SignInStepFragment } from '../generated/graphql';
import type { StepProps } from './steps';

export async function answerStep(
  asApp: Services['asApp'],
  { result, device, advance }: Pick<StepProps, 'result' | 'device' | 'advance'>,
  challengeResponse: string,
  extra: Partial<ConfirmSignInInput> = {},
): Promise<void> {
  const answer = await asApp(ConfirmSignInDocument, { input: { session: result.session ?? '', challengeResponse, device, ...extra } }, { cookie: true });
  if (answer.confirmSignIn) advance(answer.confirmSignIn as SignInStepFragment);
}
