/**
 * The view audit as the console exports it: headers in the viewer's language, unit names instead of bare codes, and
 * times in Beijing time like the table and the KPI CSV (the hub's `format=csv` export stays the machine-readable
 * one: English keys, ISO times). Written by the one CSV writer (common/csv.ts).
 */
import { auditRowKind } from './audit-row-kind.js';
import type { TFunction } from 'i18next';
import { toCsv } from '../../../common/csv.js';
import type { ViewAuditEntry } from '../../../common/video-schemas.js';
import { formatStamp } from '../base/format.js';

const stamp = (iso: string | null) => (iso ? formatStamp(Date.parse(iso)) : '');

export function localizedAuditCsv(
  rows: readonly ViewAuditEntry[],
  t: TFunction<['audit']>,
  unitName: (code: string) => string,
): string {
  const header = [
    t('audit:columns.at'),
    t('audit:columns.kind'),
    t('audit:columns.user'),
    t('audit:columns.unit'),
    t('audit:columns.camera'),
    t('audit:columns.cameraCode'),
    t('audit:columns.quality'),
    t('audit:columns.from'),
    t('audit:columns.to'),
    t('audit:columns.reason'),
    t('audit:columns.caseId'),
    t('audit:columns.ip'),
    t('audit:columns.hash'),
  ];
  const lines = rows.map((r) => [
    stamp(r.at),
    t(`audit:kinds.${auditRowKind(r)}`),
    r.username ? `${r.userDisplayName ?? ''} ${r.username}`.trim() : t('audit:system'),
    r.userUnitCode ? unitName(r.userUnitCode) : '',
    r.cameraName,
    r.cameraCode ?? '',
    r.quality ? t(`audit:quality.${r.quality}`) : '',
    stamp(r.from),
    stamp(r.to),
    r.reason ?? '',
    r.caseId ?? '',
    r.ip ?? '',
    r.hash,
  ]);
  return toCsv([header, ...lines]);
}
