/**
 * Error codes shared by hub, main and renderer: a closed list, each with the HTTP status it is answered with. The UI
 * translates by code (filling in `params`); the message is an English fallback for logs and old clients.
 */
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
  'invalid_transition',
  'overloaded',
  'reason_required',
  'stream_token_invalid',
  'stream_unavailable',
  'stream_starting',
  'camera_offline',
  'console_unreachable',
  'outside_county',
  'idempotency_key_reused',
  'unknown_case',
  'case_not_open',
  'case_not_held',
  'web_sessions_full',
  'host_not_allowed',
  'account_locked',
  'password_change_required',
  'password_too_short',
  'password_too_long',
  'password_is_username',
  'password_published',
  'password_too_common',
  'password_unchanged',
  'current_password_wrong',
  'username_taken',
  'unknown_unit',
  'role_unit_mismatch',
  'own_account',
  'users_exist',
  'import_has_problems',
  'csv_header_invalid',
  'duplicate_in_file',
  'import_invalid',
  'unit_in_use',
  'category_in_use',
  'calendar_import_invalid',
  'hub_not_ready',
  'attachment_type_refused',
  'attachment_too_large',
  'attachment_unreadable',
  'video_too_long',
  'attachments_full',
  'duty_overlap',
  'handover_acknowledged',
  'own_handover',
  'department_required',
  'leg_not_ratable',
  'already_rated',
  'search_text_too_short',
  'ptz_not_supported',
  'ptz_not_permitted',
  'ptz_locked',
  'ptz_failed',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The status each code is answered with; a new code does not compile until it has one. */
export const ERROR_STATUS: Readonly<Record<ErrorCode, number>> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  token_expired: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limited: 429,
  payload_too_large: 413,
  hub_unreachable: 503,
  not_console_role: 403,
  internal: 500,
  invalid_transition: 409,
  overloaded: 503,
  reason_required: 400,
  stream_token_invalid: 401,
  stream_unavailable: 503,
  stream_starting: 503,
  camera_offline: 503,
  console_unreachable: 503,
  outside_county: 400,
  idempotency_key_reused: 422,
  unknown_case: 404,
  case_not_open: 409,
  case_not_held: 403,
  web_sessions_full: 503,
  host_not_allowed: 421,
  account_locked: 423,
  password_change_required: 403,
  password_too_short: 400,
  password_too_long: 400,
  password_is_username: 400,
  password_published: 400,
  password_too_common: 400,
  password_unchanged: 400,
  current_password_wrong: 403,
  username_taken: 409,
  unknown_unit: 400,
  role_unit_mismatch: 400,
  own_account: 409,
  users_exist: 409,
  import_has_problems: 400,
  csv_header_invalid: 400,
  duplicate_in_file: 400,
  import_invalid: 422,
  unit_in_use: 409,
  category_in_use: 409,
  calendar_import_invalid: 400,
  hub_not_ready: 503,
  attachment_type_refused: 415,
  attachment_too_large: 413,
  attachment_unreadable: 422,
  video_too_long: 422,
  attachments_full: 409,
  duty_overlap: 409,
  handover_acknowledged: 409,
  own_handover: 409,
  department_required: 400,
  leg_not_ratable: 409,
  already_rated: 409,
  search_text_too_short: 400,
  ptz_not_supported: 409,
  ptz_not_permitted: 403,
  ptz_locked: 409,
  ptz_failed: 502,
};

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** Structured detail of a refusal ({ limit: 200 }, { retryAfterSeconds: 5 }), for the UI's translated text. */
export type ErrorParams = Readonly<Record<string, string | number>>;

export class GridCommandError extends Error {
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Only where the table's status is not right for this one answer (a hub's status relayed by main). */
    status?: number,
    readonly params?: ErrorParams,
  ) {
    super(message);
    this.name = 'GridCommandError';
    this.status = status ?? ERROR_STATUS[code];
  }

  /** For `rate_limited`, `overloaded` and the stream codes: when the client may try again (`Retry-After`). */
  get retryAfterSeconds(): number | undefined {
    const seconds = this.params?.retryAfterSeconds;
    return typeof seconds === 'number' ? seconds : undefined;
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
