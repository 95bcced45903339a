/** After sign-up: the code from the email confirms the account. */
import { navigate, useLocation } from '../router/router';
import { Page } from '../ui/Page';
import { ConfirmSignUpForm } from './ConfirmSignUpForm';

export function ConfirmSignUpPage() {
  const { state } = useLocation();
  return (
    <Page title="Confirm your account">
      {state.username ? <p>Confirming {state.username}.</p> : null}
      <ConfirmSignUpForm
        username={state.username}
        onConfirmed={(username) => navigate('/sign-in', { state: { username, notice: 'Your account is confirmed. Sign in to continue.' } })}
      />
    </Page>
  );
}
