/**
 * Password hashing with scrypt from node:crypto. Stored as `scrypt$N$r$p$salt$hash` (base64) so the cost can be
 * raised later without invalidating old hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const COST = { N: 2 ** 14, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, { ...options, maxmem: 64 * 1024 * 1024 }, (err, key) =>
      err ? reject(err) : resolve(key),
    ),
  );
}

export async function hashPassword(
  password: string,
  cost: { N: number; r: number; p: number } = COST,
): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost);
  return ['scrypt', cost.N, cost.r, cost.p, salt.toString('base64'), key.toString('base64')].join('$');
}

/**
 * One-time passwords (first admin, reset, import) are 100 random bits: no guessing gets near them, so their hash
 * needs no work factor against guessing, and a cheaper scrypt lets an import of 1,200 users hash in a couple of
 * seconds instead of a minute. The password a person chooses at first login is hashed at full cost.
 */
const ONE_TIME_COST = { N: 2 ** 10, r: 8, p: 1 } as const;

/** Crockford-style alphabet without 0/O, 1/I/L: read off a screen or a printout without mistakes. */
const ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz';

/** 20 characters in four groups ("Xk7m-Qp2a-…"), about 114 bits. */
export function newOneTimePassword(): string {
  const bytes = randomBytes(40);
  let out = '';
  for (const b of bytes) {
    if (b >= ALPHABET.length * Math.floor(256 / ALPHABET.length)) continue; // no modulo bias
    out += ALPHABET[b % ALPHABET.length];
    if (out.replace(/-/g, '').length === 20) break;
    if (out.replace(/-/g, '').length % 5 === 0) out += '-';
  }
  return out.length === 23 ? out : newOneTimePassword();
}

export function hashOneTimePassword(password: string): Promise<string> {
  return hashPassword(password, ONE_TIME_COST);
}

/** Constant-time comparison of the derived key; a malformed stored hash simply fails. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), { N: Number(n), r: Number(r), p: Number(p) });
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * A hash to verify against when the username is unknown, so that "no such user" takes as long as "wrong password"
 * and the response time does not reveal which usernames exist.
 */
let decoy: Promise<string> | null = null;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(12).toString('base64'));
  return decoy;
}
