/**
 * What each paper prints, gathered from the hub's stores under the caller's scope: a case only if the caller may read
 * it (`readableCase`: 404 otherwise, as for GET /api/v1/cases/:caseId), KPIs only for a unit the caller may read
 * (`kpiReport`: 403 otherwise, as for GET /api/v1/stats/kpis). The builders (supervision-notice.ts, case-sheet.ts,
 * kpi-monthly-report.ts) then only lay the words out.
 */
import type { CaseHistoryRow } from '../../common/case-api.js';
import type { PaperLanguage } from '../../common/contract-paper.js';
import { supervisionNoticeNumber } from '../../common/contract-paper.js';
import { DEPARTMENTS } from '../../common/departments.js';
import { GridCommandError } from '../../common/errors.js';
import { lineageOf, levelOfCode } from '../../common/org.js';
import { roleAllows } from '../../common/scope-policy.js';
import type { User } from '../../common/schemas.js';
import { findMajor, findMinorByCode, majorCodeOf, type Taxonomy } from '../../common/taxonomy.js';
import { findUserById } from '../auth/users-store.js';
import { listHistory } from '../cases/cases-store.js';
import { kpiReport } from '../cases/kpi-query.js';
import { readableCase } from '../cases/moves.js';
import { getMeta } from '../db/meta-store.js';
import type { HubContext } from '../hub-context.js';
import { getOrgUnit } from '../org/org-units-store.js';
import type { CasePhotoSource } from './case-photo-source.js';
import type { CaseSheetData } from './case-sheet.js';
import type { KpiMonthlyData } from './kpi-monthly-report.js';
import { paperText, type PaperText } from './paper-labels.js';
import { allocateNoticeNumber, caseSupervisions, noticeNumberOf } from './supervision-notices-store.js';
import type { SupervisionNoticeData } from './supervision-notice.js';

const BEIJING_OFFSET_MS = 8 * 3600_000;
const DAY_MS = 86_400_000;
/** The reply a notice asks for: one day after the 督办. */
const NOTICE_REPLY_MS = DAY_MS;
/** Photos on one case sheet (a case carries at most 9 at intake, plus feedback photos). */
const SHEET_PHOTO_LIMIT = 12;

const beijingYear = (ms: number) => new Date(ms + BEIJING_OFFSET_MS).getUTCFullYear();

function requireRead(user: User): void {
  if (!roleAllows(user, 'case.read')) throw new GridCommandError('forbidden', 'not permitted for your role');
}

/** An org unit's name, a department's (in the paper's language), or the code when unknown. */
export function unitName(hub: HubContext, code: string, lang: PaperLanguage): string {
  const dept = DEPARTMENTS.find((d) => d.code === code);
  if (dept) return lang === 'zh-CN' ? dept.zh : dept.en;
  return getOrgUnit(hub.db, code)?.name ?? code;
}

/** The command room of a unit: 县社会治理指挥中心, 乡镇网格管理中心 … */
function roomName(hub: HubContext, code: string, text: PaperText): string {
  const name = unitName(hub, code, text.lang);
  const level = levelOfCode(code);
  if (level === 'county') return text.t('roomCounty', { unit: name });
  if (level === 'township') return text.t('roomTownship', { unit: name });
  if (level === 'village') return text.t('roomVillage', { unit: name });
  return name;
}

/** Township / village / grid names where the case happened (the county left out). */
function placeOf(hub: HubContext, gridCode: string): string {
  return lineageOf(gridCode)
    .slice(1)
    .map((code) => getOrgUnit(hub.db, code)?.name ?? code)
    .join(' / ');
}

function categoryName(taxonomy: Taxonomy, code: string, lang: PaperLanguage): string {
  const match = findMinorByCode(taxonomy, code);
  if (!match) return code;
  return lang === 'zh-CN' ? `${match.major.zh} · ${match.minor.zh}` : `${match.major.en} · ${match.minor.en}`;
}

function majorName(taxonomy: Taxonomy, majorCode: string, lang: PaperLanguage): string {
  const major = findMajor(taxonomy, majorCode);
  return major ? (lang === 'zh-CN' ? major.zh : major.en) : majorCode;
}

const displayName = (hub: HubContext, userId: string): string | undefined => findUserById(hub.db, userId)?.displayName;

/** Phone numbers are printed masked: 138****5678. */
const maskPhone = (phone: string) => (phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****');

function caseBasics(hub: HubContext, user: User, caseId: string, text: PaperText) {
  requireRead(user);
  const c = readableCase(hub, user, caseId);
  const taxonomy = hub.reference.forCase(c).taxonomy;
  return {
    c,
    category: categoryName(taxonomy, c.categoryCode, text.lang),
    grade: text.label('grade', c.grade),
    source: text.label('source', c.source),
    status: text.label('status', c.status),
    place: placeOf(hub, c.gridCode),
  };
}

/**
 * The 督办单 of one supervision of the case (1-based `index`, default the latest). Its number is allocated on the
 * first printing, in one transaction, and read back ever after: every printing of a notice bears the same number.
 */
export async function supervisionNoticeData(
  hub: HubContext,
  user: User,
  caseId: string,
  lang: PaperLanguage,
  index: number | undefined,
): Promise<SupervisionNoticeData> {
  const text = paperText(lang);
  const basics = caseBasics(hub, user, caseId, text);
  const { c } = basics;
  const records = caseSupervisions(hub.db, c.id);
  // The history's 督办 rows carry who raised it and what they wrote; they pair one to one with the records.
  const steps = listHistory(hub.db, c.id).filter((h) => h.move === 'supervise');
  const at = (index ?? records.length) - 1;
  const record = records[at];
  if (!record) {
    throw new GridCommandError('not_found', `case ${caseId} has no supervision ${at + 1}`, 'supervision');
  }
  const step: CaseHistoryRow | undefined = steps[at];
  const countyCode = getMeta(hub.db, 'county_code') ?? c.gridCode.slice(0, 6);
  const year = beijingYear(record.at);
  const number = await hub.writes.run(
    () =>
      noticeNumberOf(hub.db, record.id) ??
      allocateNoticeNumber(hub.db, { supervisionId: record.id, countyCode, year, at: hub.now(), by: user.id }),
  );
  const leg = c.legs.find((l) => l.id === step?.legId);
  const supervisor = step?.actor;
  return {
    number: supervisionNoticeNumber(number.year, number.seq),
    caseNo: c.caseNo,
    category: basics.category,
    grade: basics.grade,
    source: basics.source,
    status: basics.status,
    place: basics.place,
    description: c.description,
    reportedAt: c.reportedAt,
    dueAt: leg?.dueAt ?? c.dueAt ?? null,
    supervisedAt: record.at,
    replyBy: record.at + NOTICE_REPLY_MS,
    supervisingUnit: roomName(hub, supervisor?.orgUnitCode ?? countyCode, text),
    handlingUnit: unitName(hub, record.unitCode, lang),
    automatic: record.automatic,
    ...(supervisor && !record.automatic
      ? { supervisedBy: displayName(hub, supervisor.userId) ?? supervisor.userId }
      : {}),
    ...((record.note ?? step?.note) ? { requirement: (record.note ?? step?.note)! } : {}),
    printedAt: hub.now(),
    printedBy: user.displayName,
  };
}

function stepNote(row: CaseHistoryRow, text: PaperText): string {
  const coded = row.noteCode
    ? text.label('historyNote', row.noteCode).replace(/\{\{(\w+)\}\}/g, (_, k: string) => row.noteParams?.[k] ?? '')
    : '';
  return [coded, row.note ?? ''].filter(Boolean).join('；');
}

export async function caseSheetData(
  hub: HubContext,
  user: User,
  caseId: string,
  lang: PaperLanguage,
  photos: CasePhotoSource,
): Promise<CaseSheetData> {
  const text = paperText(lang);
  const basics = caseBasics(hub, user, caseId, text);
  const { c } = basics;
  const names = new Map<string, string>();
  const nameOf = (userId: string) => {
    if (!names.has(userId)) names.set(userId, displayName(hub, userId) ?? userId);
    return names.get(userId)!;
  };
  const history = listHistory(hub.db, c.id);
  const supervisions = caseSupervisions(hub.db, c.id);
  return {
    caseNo: c.caseNo,
    category: basics.category,
    grade: basics.grade,
    source: basics.source,
    status: basics.status,
    place: basics.place,
    location: `${c.location.lon.toFixed(5)}°E, ${c.location.lat.toFixed(5)}°N`,
    description: c.description,
    reporters: c.reporters
      .map((r) =>
        [text.label('source', r.source), r.name, r.phone ? maskPhone(r.phone) : undefined].filter(Boolean).join(' '),
      )
      .join('；'),
    reportedAt: c.reportedAt,
    filedAt: c.filedAt ?? null,
    dueAt: c.dueAt ?? null,
    closedAt: c.closedAt ?? null,
    reworkCount: c.reworkCount,
    rating: c.rating ? `${c.rating.score}/5${c.rating.comment ? ` ${c.rating.comment}` : ''}` : '',
    legs: c.legs.map((l) => ({
      unit: unitName(hub, l.unitCode, lang),
      role: text.label('legRole', l.role),
      status: text.label('legStatus', l.status),
      dispatchedAt: l.dispatchedAt,
      dueAt: l.dueAt ?? null,
      signedAt: l.signedAt ?? null,
      result: l.feedback?.result ?? l.returnReason ?? '',
    })),
    steps: history.map((h) => ({
      at: h.at,
      move: text.label('move', h.move),
      actor: `${nameOf(h.actor.userId)}（${text.label('role', h.actor.role)}）`,
      change:
        h.from === null || h.from === h.to
          ? text.label('status', h.to)
          : `${text.label('status', h.from)} → ${text.label('status', h.to)}`,
      note: [h.unitCode ? unitName(hub, h.unitCode, lang) : '', stepNote(h, text)].filter(Boolean).join('：'),
    })),
    supervisions: supervisions.map((s) => {
      const number = noticeNumberOf(hub.db, s.id);
      return {
        at: s.at,
        unit: unitName(hub, s.unitCode, lang),
        automatic: s.automatic,
        number: number ? supervisionNoticeNumber(number.year, number.seq) : null,
      };
    }),
    photos: await photos.photosOf(c.id, SHEET_PHOTO_LIMIT),
    printedAt: hub.now(),
    printedBy: user.displayName,
  };
}

/** [from, to) of a Beijing calendar month 'YYYY-MM', shifted by `offset` months. */
export function monthBounds(month: string, offset = 0): { from: number; to: number } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return {
    from: Date.UTC(y, m - 1 + offset, 1) - BEIJING_OFFSET_MS,
    to: Date.UTC(y, m + offset, 1) - BEIJING_OFFSET_MS,
  };
}

const monthKey = (from: number) => new Date(from + BEIJING_OFFSET_MS).toISOString().slice(0, 7);

export function kpiMonthlyData(
  hub: HubContext,
  user: User,
  month: string,
  orgUnit: string | undefined,
  lang: PaperLanguage,
): KpiMonthlyData {
  const text = paperText(lang);
  const now = hub.now();
  const { from, to } = monthBounds(month);
  // kpiReport checks the role and the unit against the caller's scope (403), as GET /api/v1/stats/kpis does.
  const report = kpiReport(hub.db, hub.reference.calendar, user, { from, to, orgUnit }, now);
  const trendFrom = monthBounds(month, -11).from;
  const trendReport = kpiReport(hub.db, hub.reference.calendar, user, { from: trendFrom, to, orgUnit }, now);
  const byMonth = new Map(trendReport.byMonth.map((g) => [g.key, g]));
  const trend = Array.from({ length: 12 }, (_, i) => {
    const key = monthKey(monthBounds(month, i - 11).from);
    const g = byMonth.get(key);
    return { month: key, received: g?.received ?? 0, closed: g?.closed ?? 0 };
  });
  const taxonomy = hub.reference.latest().taxonomy;
  const unitCode = orgUnit ?? user.orgUnitCode;
  const categories = new Map<string, number>();
  for (const g of report.byType) {
    const major = majorCodeOf(g.key);
    categories.set(major, (categories.get(major) ?? 0) + g.received);
  }
  return {
    unitName:
      levelOfCode(unitCode) === 'county' && report.orgUnit === null
        ? `${unitName(hub, unitCode, lang)}（${text.t('wholeCounty')}）`
        : unitName(hub, unitCode, lang),
    month,
    from,
    to,
    asOf: now,
    summary: report.summary,
    sources: report.sourceComposition.map((s) => ({
      label: text.label('source', s.source),
      count: s.count,
      share: s.share,
    })),
    categories: [...categories.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([code, count]) => ({ label: majorName(taxonomy, code, lang), count })),
    units: report.byUnit
      .map((g) => ({ name: unitName(hub, g.key, lang), figures: g }))
      .sort((a, b) => b.figures.received - a.figures.received),
    trend,
    printedAt: now,
    printedBy: user.displayName,
  };
}
