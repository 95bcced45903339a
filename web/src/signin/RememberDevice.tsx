/**
 * After a sign-in that asked for a second factor from a device Cognito did not know: offer to
 * remember this browser. Remembering calls rememberDevice and keeps the device's key, group key
 * and secret in this origin's IndexedDB (deviceStore.ts), so the next sign-in here skips the
 * second step. "Not now" keeps nothing; the device stays unremembered in the account's list.
 */
import { useServices } from '../api/services';
import { type DeviceInput, RememberDeviceDocument } from '../generated/graphql';
import { ErrorNotice } from '../ui/ErrorNotice';
import { SubmitButton } from '../ui/SubmitButton';
import { useAction } from '../ui/useAction';
import { saveDevice } from './deviceStore';

export function RememberDevice({ username, device, onDone }: { username: string; device: DeviceInput; onDone: () => void }) {
  const { session } = useServices();
  const remember = useAction(async () => {
    await session.call(RememberDeviceDocument, { key: device.key });
    await saveDevice(username, device);
    onDone();
  });
  return (
    <section className="card" aria-labelledby="remember-title">
      <h2 id="remember-title">Remember this browser?</h2>
      <p>Next time you sign in here, you will not be asked for a code. Only remember a browser on a device you trust and do not share. You can forget it any time from your profile.</p>
      <div className="actions">
        <SubmitButton type="button" pending={remember.pending} label="Remember this browser" pendingLabel="Remembering…" onClick={() => void remember.run()} />
        <button type="button" className="secondary" onClick={onDone}>
          Not now
        </button>
      </div>
      <ErrorNotice error={remember.error} />
    </section>
  );
}
