/**
 * The working calendar by year: each year's public holidays and make-up workdays (调休), from the maintained
 * `chinese-days` package (read by node-shared/chinese-days-calendar.ts) or imported by an administrator for a year the
 * package lacks or gets wrong (an import overrides the package). Pure: the hub passes the years in, and the clock
 * (sla-clock.ts) gets the flat calendar built here, with the years it covers so that a deadline crossing any other
 * year is flagged provisional instead of silently counted as all workdays.
 */
import { z } from 'zod';
import {
  CHINA_UTC_OFFSET_MINUTES,
  DEFAULT_WORKING_HOURS,
  IsoDate,
  dayNumberOfIsoDate,
  type WorkCalendar,
} from './work-calendar.js';
import type { CalendarSource, CalendarYearInfo } from './reference-versions.js';

export const CalendarYearNumber = z.number().int().min(2000).max(2099);

/** One year's exceptions to Monday–Friday; a holiday may list the weekend days inside it too (they change nothing). */
export const CalendarYear = z.strictObject({
  year: CalendarYearNumber,
  holidays: z.array(IsoDate).max(366),
  makeupWorkdays: z.array(IsoDate).max(366),
});
export type CalendarYear = z.infer<typeof CalendarYear>;

export const CALENDAR_IMPORT_FORMATS = ['json', 'csv'] as const;
/** An administrator's import of one year: the file's text as JSON (`CalendarYear` without `year`) or CSV. */
export const CalendarImport = z.strictObject({
  format: z.enum(CALENDAR_IMPORT_FORMATS),
  content: z
    .string()
    .min(1)
    .max(64 * 1024),
  note: z.string().trim().max(200).optional(),
});
export type CalendarImport = z.infer<typeof CalendarImport>;

export interface CalendarImportIssue {
  /** 1-based line of a CSV (the header is line 1), or the JSON path. */
  readonly where: string;
  readonly message: string;
}

const isWeekendDate = (iso: string) => {
  const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay();
  return weekday === 0 || weekday === 6;
};

/**
 * Checks a year's days: every date in that year (a holiday period may start on Dec 31 or end on Jan 1-3 of the
 * neighbour year, as 元旦 does, so those are allowed), none listed twice or as both, and a make-up workday must fall
 * on a weekend (a weekday is a workday already: listing it is a mistake in the file).
 */
function checkYear(year: number, holidays: string[], makeups: string[], where: (i: number, kind: string) => string) {
  const issues: CalendarImportIssue[] = [];
  const first = dayNumberOfIsoDate(`${year}-01-01`) - 1;
  const last = dayNumberOfIsoDate(`${year}-12-31`) + 3;
  const seen = new Set<string>();
  const check = (list: string[], kind: 'holiday' | 'workday') =>
    list.forEach((date, i) => {
      const day = dayNumberOfIsoDate(date);
      if (day < first || day > last) issues.push({ where: where(i, kind), message: `${date} is not in ${year}` });
      if (seen.has(date)) issues.push({ where: where(i, kind), message: `${date} is listed twice` });
      if (kind === 'workday' && !isWeekendDate(date)) {
        issues.push({
          where: where(i, kind),
          message: `${date} is a weekday: only a weekend day can be a make-up workday`,
        });
      }
      seen.add(date);
    });
  check(holidays, 'holiday');
  check(makeups, 'workday');
  if (holidays.length === 0) issues.push({ where: 'holidays', message: `no holiday listed for ${year}` });
  return issues;
}

/** Rows of a simple CSV (two plain columns: no quoted commas needed); a BOM, CRLF and quoted cells are accepted. */
function csvRows(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((line) => line.split(',').map((cell) => cell.trim().replace(/^"(.*)"$/, '$1')));
}

const JsonYearFile = z.strictObject({
  year: CalendarYearNumber.optional(),
  holidays: z.array(IsoDate).max(366),
  makeupWorkdays: z.array(IsoDate).max(366),
});

const HOLIDAY_WORDS = new Set(['holiday', '休', '假', '节假日']);
const WORKDAY_WORDS = new Set(['workday', '班', '调休上班', 'makeup']);

/**
 * Parses and checks an import for `year`. JSON: `{ "holidays": [...], "makeupWorkdays": [...] }` (a `year` in the
 * file must match). CSV: a header `date,type` and one row per date, type `holiday`/`休` or `workday`/`班`.
 */
export function parseCalendarImport(
  year: number,
  input: CalendarImport,
): { ok: true; year: CalendarYear } | { ok: false; issues: CalendarImportIssue[] } {
  let holidays: string[] = [];
  let makeups: string[] = [];
  let where: (i: number, kind: string) => string;
  if (input.format === 'json') {
    let raw: unknown;
    try {
      raw = JSON.parse(input.content);
    } catch {
      return { ok: false, issues: [{ where: 'file', message: 'not valid JSON' }] };
    }
    const parsed = JsonYearFile.safeParse(raw);
    if (!parsed.success) {
      const first = parsed.error.issues[0]!;
      return { ok: false, issues: [{ where: first.path.join('.') || 'file', message: first.message }] };
    }
    if (parsed.data.year !== undefined && parsed.data.year !== year) {
      return { ok: false, issues: [{ where: 'year', message: `the file is for ${parsed.data.year}, not ${year}` }] };
    }
    holidays = parsed.data.holidays;
    makeups = parsed.data.makeupWorkdays;
    where = (i, kind) => `${kind === 'holiday' ? 'holidays' : 'makeupWorkdays'}.${i}`;
  } else {
    const rows = csvRows(input.content);
    const header = rows[0]?.map((h) => h.trim().toLowerCase());
    if (!header || header[0] !== 'date' || header[1] !== 'type' || header.length !== 2) {
      return { ok: false, issues: [{ where: 'line 1', message: 'the header must be exactly: date,type' }] };
    }
    const lines: Record<'holiday' | 'workday', number[]> = { holiday: [], workday: [] };
    const issues: CalendarImportIssue[] = [];
    rows.slice(1).forEach((row, i) => {
      const line = i + 2;
      if (row.length === 1 && row[0]!.trim() === '') return;
      const [date = '', type = ''] = row.map((cell) => cell.trim());
      if (row.length !== 2) return void issues.push({ where: `line ${line}`, message: 'expected 2 columns' });
      if (!IsoDate.safeParse(date).success) {
        return void issues.push({ where: `line ${line}`, message: `${date || '(empty)'} is not a YYYY-MM-DD date` });
      }
      const kind = HOLIDAY_WORDS.has(type.toLowerCase())
        ? 'holiday'
        : WORKDAY_WORDS.has(type.toLowerCase())
          ? 'workday'
          : null;
      if (!kind)
        return void issues.push({ where: `line ${line}`, message: `type must be holiday or workday, not ${type}` });
      (kind === 'holiday' ? holidays : makeups).push(date);
      lines[kind].push(line);
    });
    if (issues.length > 0) return { ok: false, issues };
    where = (i, kind) => `line ${lines[kind as 'holiday' | 'workday'][i]}`;
  }
  const issues = checkYear(year, holidays, makeups, where);
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, year: { year, holidays: [...holidays].sort(), makeupWorkdays: [...makeups].sort() } };
}

export interface SourcedYear extends CalendarYear {
  readonly source: Exclude<CalendarSource, 'missing'>;
  readonly importedAt?: number;
  readonly importedBy?: string;
  readonly note?: string;
}

/** Package years overridden by imported ones, by year. */
export function mergeCalendarYears(
  packageYears: readonly CalendarYear[],
  imported: readonly SourcedYear[],
): SourcedYear[] {
  const byYear = new Map<number, SourcedYear>();
  for (const y of packageYears) byYear.set(y.year, { ...y, source: 'package' });
  for (const y of imported) byYear.set(y.year, { ...y, source: 'imported' });
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** The flat calendar the clock runs on (China: UTC+8, 08:30–12:00 and 14:30–17:30), covering exactly these years. */
export function buildWorkCalendar(years: readonly CalendarYear[]): WorkCalendar {
  return {
    utcOffsetMinutes: CHINA_UTC_OFFSET_MINUTES,
    workingHours: DEFAULT_WORKING_HOURS,
    holidays: years.flatMap((y) => y.holidays),
    makeupWorkdays: years.flatMap((y) => y.makeupWorkdays),
    coveredYears: years.map((y) => y.year),
  };
}

/**
 * The years to show an administrator, `from` … `to`: each with its source, or `missing`. `to` is normally next year,
 * so a calendar that is about to run out is seen before a deadline needs it.
 */
export function calendarYearInfos(years: readonly SourcedYear[], from: number, to: number): CalendarYearInfo[] {
  const byYear = new Map(years.map((y) => [y.year, y]));
  const infos: CalendarYearInfo[] = [];
  for (let year = from; year <= to; year++) {
    const y = byYear.get(year);
    infos.push(
      y
        ? {
            year,
            source: y.source,
            holidays: y.holidays.length,
            makeupWorkdays: y.makeupWorkdays.length,
            ...(y.importedAt !== undefined ? { importedAt: y.importedAt } : {}),
            ...(y.importedBy !== undefined ? { importedBy: y.importedBy } : {}),
            ...(y.note !== undefined ? { note: y.note } : {}),
          }
        : { year, source: 'missing', holidays: 0, makeupWorkdays: 0 },
    );
  }
  return infos;
}
