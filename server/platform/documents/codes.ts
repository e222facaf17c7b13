import { randomInt } from 'node:crypto';

/**
 * Verification codes (mã xác minh): 12 characters from 31 that cannot be mistaken for one
 * another (no 0/O, 1/I/L), about 59 bits of randomness — unguessable, yet easy to read
 * aloud or type from paper. Stored bare ("7KQ2MX9HTB4R"), printed in groups ("7KQ2-MX9H-TB4R").
 */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const CODE_LENGTH = 12;

export function newVerificationCode(): string {
  let code = '';
  for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
  return code;
}

/** The stored form of a code as a person may type it (case, spaces, hyphens ignored), or null. */
export function normalizeVerificationCode(input: string): string | null {
  if (typeof input !== 'string' || input.length > 64) return null;
  const code = input.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== CODE_LENGTH) return null;
  for (const ch of code) if (!CODE_ALPHABET.includes(ch)) return null;
  return code;
}

/** "7KQ2-MX9H-TB4R". */
export const formatVerificationCode = (code: string) => code.match(/.{1,4}/g)?.join('-') ?? code;
