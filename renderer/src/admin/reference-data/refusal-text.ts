/** A refusal as the admin view shows it: the translated text, plus the hub's own detail (which category, which line). */
import { CallError } from '../../bridge/index.js';
import { errorMessage } from '../../i18n/error-message.js';

export function refusalText(error: unknown): string {
  const text = errorMessage(error);
  return error instanceof CallError && error.message && error.message !== text ? `${text}（${error.message}）` : text;
}
