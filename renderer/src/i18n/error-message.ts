/**
 * Turns a refused call into a message for people, through the `errors` namespace: every code of common/errors.ts
 * has its translation, and the detail the call carries (which field, which limit, how many seconds to wait) goes in
 * as interpolation parameters. The service's own message is shown only for a code this renderer does not know.
 */
import i18next from 'i18next';
import { ERROR_CODES, type ErrorCode } from '../../../common/errors.js';
import { CallError } from '../bridge/index.js';

function isErrorCode(code: string): code is ErrorCode {
  return (ERROR_CODES as readonly string[]).includes(code);
}

type DetailCode = keyof typeof import('./zh-CN/errors.js').errors.detail;

/** The detail a code's text can show, when the call carried it. */
const DETAIL: Record<DetailCode, (error: CallError) => boolean> = {
  bad_request: (e) => e.field !== undefined,
  validation_failed: (e) => e.field !== undefined,
  rate_limited: (e) => e.retryAfterSeconds !== undefined,
  payload_too_large: (e) => e.limit !== undefined,
  password_too_short: (e) => e.limit !== undefined,
  password_too_long: (e) => e.limit !== undefined,
  attachment_too_large: (e) => e.limit !== undefined,
  video_too_long: (e) => e.limit !== undefined,
  attachments_full: (e) => e.limit !== undefined,
};

function hasDetail(code: ErrorCode, error: CallError): code is DetailCode {
  return code in DETAIL && DETAIL[code as DetailCode](error);
}

export function errorMessage(error: unknown): string {
  const t = i18next.getFixedT(null, 'errors');
  if (error instanceof CallError) {
    const { code } = error;
    if (!isErrorCode(code)) return error.message;
    const params = { field: error.field, limit: error.limit, seconds: error.retryAfterSeconds };
    return hasDetail(code, error) ? t(`detail.${code}`, params) : t(`code.${code}`);
  }
  return t('unknown', { message: error instanceof Error ? error.message : String(error) });
}
