import { hash, verify } from '@node-rs/argon2';
import { AppError, t } from '../errors/app-error.js';

// argon2id with the OWASP baseline (19 MiB, 2 passes, 1 lane).
const OPTIONS = { algorithm: 2 as const, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export const hashPassword = (password: string) => hash(password, OPTIONS);

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}

/** A hash of a random password, verified when the user does not exist so timing does not tell. */
let dummy: Promise<string> | null = null;
export const dummyHash = () => {
  dummy ??= hashPassword('dummy-password-for-timing');
  return dummy;
};

const COMMON = new Set([
  'password123',
  '1234567890',
  'matkhau123',
  'qwertyuiop',
  '12345678910',
  'abc1234567',
]);

/** Length, variety and a small deny list; messages in Vietnamese and English. */
export function assertPasswordPolicy(password: string, username?: string | null) {
  const problems: Array<[string, string]> = [];
  if (password.length < 10) problems.push(['ít nhất 10 ký tự', 'at least 10 characters']);
  const classes = [/[a-z]/, /[A-Z]/, /\d/, /[^A-Za-z0-9]/].filter((r) => r.test(password)).length;
  if (classes < 3)
    problems.push([
      'có ít nhất 3 trong 4 loại: chữ thường, chữ hoa, chữ số, ký hiệu',
      'at least 3 of: lower case, upper case, digits, symbols',
    ]);
  if (COMMON.has(password.toLowerCase()))
    problems.push(['không dùng mật khẩu phổ biến', 'not a common password']);
  if (username && password.toLowerCase().includes(username.toLowerCase()))
    problems.push(['không chứa tên đăng nhập', 'must not contain the username']);
  if (problems.length) {
    throw new AppError(
      'VALIDATION',
      t(
        `Mật khẩu cần ${problems.map((p) => p[0]).join('; ')}`,
        `Password needs ${problems.map((p) => p[1]).join('; ')}`,
      ),
    );
  }
}
