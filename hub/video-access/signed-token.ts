/**
 * The hub's signed media tokens: `base64url(claims).base64url(HMAC-SHA256(secret, domain + base64url(claims)))`.
 * One implementation for every kind (live stream tickets, playback tickets), each with its own domain string, so a
 * token of one kind can never be replayed as another. A valid signature only says the hub issued the token; the
 * callers check expiry (they own the clock) and re-check session and scope on every request.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { z } from 'zod';
import { GridCommandError } from '../../common/errors.js';

/** Characters a token may contain; media routes refuse anything else before parsing. */
export const SIGNED_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,2048}\.[A-Za-z0-9_-]{43}$/;

export interface SignedTokens<Claims> {
  sign(secret: Buffer, claims: Claims): string;
  /** The claims of a token this hub signed for this domain, or a 401 (`stream_token_invalid`). */
  verify(secret: Buffer, token: string | undefined): Claims;
}

export function signedTokens<Schema extends z.ZodType>(
  domain: string,
  schema: Schema,
  what: string,
): SignedTokens<z.infer<Schema>> {
  const mac = (secret: Buffer, payload: string) =>
    createHmac('sha256', secret)
      .update(domain + payload)
      .digest();
  const invalid = () => new GridCommandError('stream_token_invalid', `invalid ${what}`);
  return {
    sign(secret, claims) {
      const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
      return `${payload}.${mac(secret, payload).toString('base64url')}`;
    },
    verify(secret, token) {
      if (!token || !SIGNED_TOKEN_PATTERN.test(token)) throw invalid();
      const [payload = '', signature = ''] = token.split('.');
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(secret, payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) throw invalid();
      let decoded: unknown;
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      } catch {
        throw invalid();
      }
      const parsed = schema.safeParse(decoded);
      if (!parsed.success) throw invalid();
      return parsed.data as z.infer<Schema>;
    },
  };
}
