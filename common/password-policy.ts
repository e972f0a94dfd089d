/**
 * The password policy, checked by the hub on every password a person chooses (change, first admin's change) and
 * mirrored by the console's forms. A refusal is an error code (+ params), worded by the UI in zh-CN or English.
 *
 * One-time passwords the hub generates (first admin, reset, import) are long random strings and pass by
 * construction; they are never a person's lasting password, because the account must change them at first login.
 */
import type { ErrorCode } from './errors.js';

export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

/**
 * Passwords that were published with this product (the demo county's, the README's examples) or sit at the top of
 * every leaked-password list (including the Chinese ones: 123456, a123456, woaini1314, qq123456 …). Compared after
 * lower-casing, so "DEMO@2026" is refused as well.
 */
const PUBLISHED = ['demo@2026', 'demo2026', 'gridcommand', 'grid@2026', 'admin@2026', 'changeme'];
const COMMON = [
  '1234567890',
  '0123456789',
  '12345678910',
  '1qaz2wsx3edc',
  '1q2w3e4r5t',
  'qwertyuiop',
  'qwerty12345',
  'password123',
  'password@123',
  'p@ssw0rd123',
  'passw0rd123',
  'admin12345',
  'admin@12345',
  'administrator',
  'abc1234567',
  'abcd123456',
  'a1234567890',
  'woaini1314',
  'woaini520',
  'iloveyou1314',
  'qq12345678',
  'aa12345678',
  'zxcvbnm123',
  'asdfghjkl123',
  'huawei12345',
  'welcome123',
];

export type PasswordProblem = { readonly code: ErrorCode; readonly params?: Readonly<Record<string, number>> };

/** Why `password` may not be chosen by `username`, or null when it may. */
export function passwordProblem(password: string, username: string): PasswordProblem | null {
  const chars = [...password];
  const lower = password.normalize('NFKC').toLowerCase();
  // First, whatever its length: "that password is published" says more than "too short".
  if (PUBLISHED.includes(lower)) return { code: 'password_published' };
  if (chars.length < PASSWORD_MIN_LENGTH) return { code: 'password_too_short', params: { limit: PASSWORD_MIN_LENGTH } };
  if (chars.length > PASSWORD_MAX_LENGTH) return { code: 'password_too_long', params: { limit: PASSWORD_MAX_LENGTH } };
  const name = username.trim().toLowerCase();
  // The username itself, or the username with a little in front or behind ("town01.director1").
  if (
    name.length > 0 &&
    (lower === name || (name.length >= 4 && lower.includes(name) && lower.length - name.length < 4))
  ) {
    return { code: 'password_is_username' };
  }
  // One repeated character or a plain run ("aaaaaaaaaa", "1234567890", "abcdefghij") is as good as none.
  const distinct = new Set(chars).size;
  if (COMMON.includes(lower) || distinct <= 3 || isRun(lower)) return { code: 'password_too_common' };
  return null;
}

/** Each character one step up (or down) from the one before: 0123456789, abcdefghijk, 9876543210. */
function isRun(text: string): boolean {
  const codes = [...text].map((c) => c.codePointAt(0) ?? 0);
  const step = (codes[1] ?? 0) - (codes[0] ?? 0);
  return Math.abs(step) === 1 && codes.every((c, i) => i === 0 || c - (codes[i - 1] ?? 0) === step);
}
