import { generate, generateSecret, generateURI, verify } from 'otplib';

/** RFC 6238 TOTP (30 s steps, 6 digits), accepting one step of clock drift either way. */
export const newTotpSecret = () => generateSecret();

export const totpUri = (secret: string, label: string) =>
  generateURI({ issuer: 'Tư pháp số', label, secret });

export async function checkTotp(secret: string, token: string): Promise<boolean> {
  if (!/^\d{6}$/.test(token)) return false;
  try {
    const r = await verify({ secret, token, epochTolerance: 30 });
    return r.valid;
  } catch {
    return false;
  }
}

/** For tests and the demo seed's printed instructions. */
export const currentTotp = (secret: string) => generate({ secret });
