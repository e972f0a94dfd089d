/**
 * The view audit as CSV, shared by the hub's `format=csv` export and the console (which may build the same file from
 * the JSON it already holds). Written by the one CSV writer (csv.ts): BOM, CRLF, RFC 4180 quoting, formulas defused.
 */
import { toCsv } from './csv.js';
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

export function viewAuditToCsv(items: readonly ViewAuditEntry[]): string {
  return toCsv([COLUMNS, ...items.map((item) => COLUMNS.map((c) => item[c]))]);
}
