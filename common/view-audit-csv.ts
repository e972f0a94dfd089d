/**
 * The view audit as CSV, shared by the hub's `format=csv` export and the console (which may build the same file from
 * the JSON it already holds). UTF-8 with a BOM so Excel shows the Chinese names; cells that a spreadsheet would run
 * as a formula are defused with a leading apostrophe (a reason typed as "=HYPERLINK(...)" stays text).
 */
import type { ViewAuditEntry } from './video-schemas.js';

const COLUMNS = [
  'id',
  'kind',
  'at',
  'from',
  'to',
  'username',
  'userDisplayName',
  'userUnitCode',
  'cameraId',
  'cameraCode',
  'cameraName',
  'cameraUnitCode',
  'quality',
  'reason',
  'caseId',
  'ip',
  'detail',
  'hash',
] as const satisfies ReadonlyArray<keyof ViewAuditEntry>;

function cell(value: string | number | null): string {
  if (value === null) return '';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function viewAuditToCsv(items: readonly ViewAuditEntry[]): string {
  const lines = [COLUMNS.join(',')];
  for (const item of items) lines.push(COLUMNS.map((c) => cell(item[c])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
