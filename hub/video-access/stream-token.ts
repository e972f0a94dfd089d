/**
 * Stream tokens: `base64url(claims).base64url(HMAC-SHA256(secret, "gcst1." + base64url(claims)))`.
 *
 * They ride in media URLs (path segments, so hls.js needs no custom headers), bind user × session × camera ×
 * quality (× client address when the hub binds them), and expire within minutes. A valid signature only says the hub
 * issued the token; every media request still re-checks the session and the scope against the database.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { GridCommandError } from '../../common/errors.js';
import { STREAM_QUALITIES } from '../../common/video-schemas.js';

const Claims = z.strictObject({
  v: z.literal(1),
  /** Hub session id (not the session's bearer token). */
  sid: z.string().min(1),
  uid: z.string().min(1),
  cam: z.string().min(1),
  q: z.enum(STREAM_QUALITIES),
  /** Expiry, ms since the epoch. */
  exp: z.number().int().positive(),
  /** Client address the ticket was issued to, when the hub binds tokens to addresses. */
  ip: z.string().optional(),
  /** Token id: links media requests to the `token_issued` audit row (reason, case). */
  jti: z.string().min(1),
});
export type StreamTokenClaims = z.infer<typeof Claims>;

const DOMAIN = 'gcst1.';
/** Characters a token may contain; media routes refuse anything else before parsing. */
export const STREAM_TOKEN_PATTERN = /^[A-Za-z0-9_-]{16,2048}\.[A-Za-z0-9_-]{43}$/;

const mac = (secret: Buffer, payload: string) =>
  createHmac('sha256', secret)
    .update(DOMAIN + payload)
    .digest();

export function signStreamToken(secret: Buffer, claims: StreamTokenClaims): string {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${mac(secret, payload).toString('base64url')}`;
}

const invalid = () => new GridCommandError('stream_token_invalid', 'invalid stream token');

/** The claims of a token this hub signed, or a 401. Expiry is checked by the caller (it owns the clock). */
export function verifyStreamToken(secret: Buffer, token: string | undefined): StreamTokenClaims {
  if (!token || !STREAM_TOKEN_PATTERN.test(token)) throw invalid();
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
  const parsed = Claims.safeParse(decoded);
  if (!parsed.success) throw invalid();
  return parsed.data;
}

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same client. */
export function normalizeAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
