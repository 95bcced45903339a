/**
 * The devices Cognito tracks for the account: name, last address, dates, whether remembered
 * (signing in from it skips the second step). Forgetting one stops it skipping MFA; forgetting
 * this browser also drops what this browser kept of it (signin/deviceStore.ts).
 */
import { useState } from 'react';
import { useServices } from '../api/services';
import { ForgetDeviceDocument, MyDevicesDocument } from '../generated/graphql';
import { DeviceTable } from '../shared/security';
import { ErrorNotice } from '../ui/ErrorNotice';
import { Notice } from '../ui/Notice';
import { Section } from '../ui/Page';
import { useAction } from '../ui/useAction';
import { useLoad } from '../ui/useLoad';
import { dropDeviceKey } from '../signin/deviceStore';

export function DevicesSection() {
  const { session } = useServices();
  const load = useLoad(async () => (await session.call(MyDevicesDocument, {})).myDevices, []);
  const [pending, setPending] = useState<string>();
  const [done, setDone] = useState<string>();
  const forget = useAction(async (key: string) => {
    setPending(key);
    setDone(undefined);
    try {
      await session.call(ForgetDeviceDocument, { key });
      await dropDeviceKey(key);
      await load.reload();
      setDone('The device is forgotten: signing in from it asks for the second step again.');
    } finally {
      setPending(undefined);
    }
  });
  return (
    <Section id="devices" title="Devices">
      <p>Browsers and apps that signed in to your account. A remembered device skips the second step of signing in.</p>
      {load.data ? <DeviceTable devices={load.data.items} label="Your devices" currentLabel="This browser" action={{ label: 'Forget', run: (key) => void forget.run(key), pending }} /> : null}
      <Notice text={done} />
      <ErrorNotice error={load.error ?? forget.error} />
    </Section>
  );
}
