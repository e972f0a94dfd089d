/**
 * Stream tokens: signed media tokens (signed-token.ts) under the domain "gcst1.".
 *
 * They ride in media URLs (path segments, so hls.js needs no custom headers), bind user × session × camera ×
 * quality (× client address when the hub binds them), and expire within minutes. A valid signature only says the hub
 * issued the token; every media request still re-checks the session and the scope against the database.
 */
import { z } from 'zod';
import { STREAM_QUALITIES } from '../../common/video-schemas.js';
import { SIGNED_TOKEN_PATTERN, signedTokens } from './signed-token.js';

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

const tokens = signedTokens('gcst1.', Claims, 'stream token');

/** Characters a token may contain; media routes refuse anything else before parsing. */
export const STREAM_TOKEN_PATTERN = SIGNED_TOKEN_PATTERN;

export const signStreamToken = (secret: Buffer, claims: StreamTokenClaims): string => tokens.sign(secret, claims);

/** The claims of a token this hub signed, or a 401. Expiry is checked by the caller (it owns the clock). */
export const verifyStreamToken = (secret: Buffer, token: string | undefined): StreamTokenClaims =>
  tokens.verify(secret, token);

/** `::ffff:127.0.0.1` and `127.0.0.1` are the same client. */
export function normalizeAddress(address: string | undefined): string | undefined {
  if (!address) return undefined;
  return address.startsWith('::ffff:') ? address.slice('::ffff:'.length) : address;
}
