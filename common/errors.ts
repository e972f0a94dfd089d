/** Error codes shared by hub, main and renderer; the UI translates by code, the message is the fallback. */
export const ERROR_CODES = [
  'bad_request',
  'validation_failed',
  'unauthenticated',
  'invalid_credentials',
  'token_expired',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'payload_too_large',
  'hub_unreachable',
  'not_console_role',
  'internal',
  'web_sessions_full',
  'host_not_allowed',
  'account_locked',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export class GridCommandError extends Error {
  constructor(
    readonly code: ErrorCode | string,
    message: string,
    readonly field?: string,
    readonly status?: number,
    /** For `rate_limited`: when the client may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'GridCommandError';
  }
}

/** The first zod issue as `{ message, field }`, field being the dotted path ("location.lon"). */
export function describeZodIssue(issues: ReadonlyArray<{ message: string; path: ReadonlyArray<PropertyKey> }>): {
  message: string;
  field?: string;
} {
  const first = issues[0];
  if (!first) return { message: 'invalid input' };
  const field = first.path.map(String).join('.');
  return field ? { message: `${field}: ${first.message}`, field } : { message: first.message };
}
