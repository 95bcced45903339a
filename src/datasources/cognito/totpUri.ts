/**
 * The otpauth:// URI an authenticator app reads from a QR code (Google's Key Uri Format):
 * otpauth://totp/<issuer>:<account>?secret=<base32>&issuer=<issuer>.
 */
export function totpUri(issuer: string, account: string, secret: string): string {
  const label = `${encodeURIComponent(issuer)}:${encodeURIComponent(account)}`;
  return `otpauth://totp/${label}?secret=${encodeURIComponent(secret)}&issuer=${encodeURIComponent(issuer)}`;
}
