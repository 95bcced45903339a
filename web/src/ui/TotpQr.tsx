/**
 * An authenticator app's setup: the otpauth:// URI as a QR code, drawn here in the browser by the
 * qrcode package (a data: image, which the CSP's img-src allows; the secret never leaves the
 * page for a QR service), and the secret as text for typing in by hand.
 */
import QRCode from 'qrcode';
import { useEffect, useState } from 'react';

export function TotpQr({ setupUri, secret }: { setupUri: string; secret: string }) {
  const [image, setImage] = useState<string>();
  useEffect(() => {
    let current = true;
    QRCode.toDataURL(setupUri, { errorCorrectionLevel: 'M', margin: 2, width: 200 })
      .then((url) => current && setImage(url))
      .catch(() => current && setImage(undefined));
    return () => {
      current = false;
    };
  }, [setupUri]);
  return (
    <div className="totp-setup">
      {image ? <img src={image} width={200} height={200} alt="QR code to scan with your authenticator app" /> : null}
      <p>
        Scan the code with your authenticator app, or enter this key by hand: <code className="secret" aria-label="Setup key">{secret}</code>
      </p>
    </div>
  );
}
