/** Turns a refused call into a message for people: known codes are translated, others fall back to the message. */
import type { TFunction } from 'i18next';
import { CallError } from '../bridge/index.js';

const TRANSLATED_CODES = [
  'invalid_credentials',
  'rate_limited',
  'hub_unreachable',
  'not_console_role',
  'console_unreachable',
  'unauthenticated',
  'token_expired',
  'forbidden',
  'internal',
] as const;
type TranslatedCode = (typeof TRANSLATED_CODES)[number];

function isTranslatedCode(code: string): code is TranslatedCode {
  return (TRANSLATED_CODES as readonly string[]).includes(code);
}

export function errorMessage(error: unknown, t: TFunction): string {
  if (error instanceof CallError) {
    if (isTranslatedCode(error.code)) return t(`errors.${error.code}`);
    // validation_failed and anything new: the service's own (bilingual) message says what is wrong.
    return error.message;
  }
  return t('errors.unknown', { message: error instanceof Error ? error.message : String(error) });
}
