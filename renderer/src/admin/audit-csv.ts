/**
 * The admin audit as CSV for the administrator: headers in the UI language, times in Beijing time (UTC+8, whatever
 * the console machine's zone), written by the one CSV writer (BOM for Excel, formulas defused).
 */
import i18next from 'i18next';
import type { AdminAuditEntry } from '../../../common/admin-schemas.js';
import { toCsv } from '../../../common/csv.js';

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;
const pad = (n: number) => String(n).padStart(2, '0');

/** 2026-12-03 22:05:09, Beijing time. */
export function beijingStamp(iso: string): string {
  const d = new Date(Date.parse(iso) + BEIJING_OFFSET_MS);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

export function actionLabel(action: string): string {
  const key = `admin:audit.actions.${action.replace(/\./g, '_')}`;
  return i18next.exists(key) ? i18next.t(key as 'admin:audit.actions.user_created') : action;
}

export function adminAuditCsv(items: readonly AdminAuditEntry[]): string {
  const t = i18next.getFixedT(null, 'admin');
  const header = [
    'ID',
    t('audit.at'),
    t('audit.actor'),
    t('audit.action'),
    t('audit.target'),
    t('audit.ip'),
    t('audit.detail'),
    t('audit.hash'),
  ];
  return toCsv([
    header,
    ...items.map((e) => [
      e.id,
      beijingStamp(e.at),
      e.actorUsername ?? t('audit.system'),
      actionLabel(e.action),
      e.target,
      e.ip,
      e.detail,
      e.hash,
    ]),
  ]);
}
