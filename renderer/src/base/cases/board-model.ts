/**
 * The dispatch board as data: which column a case stands in, how a pushed change updates the board, filtering and
 * ordering. Pure (no DOM, no React, no antd), so it is unit-tested in Node (tests/unit/board-model.test.ts).
 *
 * Ordering never depends on the clock, so a card does not jump around while its countdown runs; only the
 * 今日结案 column depends on the local day.
 */
import type { BoardPage, CaseChange, CaseView } from '../../../../common/case-api.js';
import { caseSla } from '../../../../common/case-sla.js';
import type { CaseGrade, CaseSource, CaseStatus } from '../../../../common/cases.js';
import { intakeSla, type IntakeLimits } from '../../../../common/intake-clock.js';
import type { ConsoleCaseView } from '../../../../common/outbox.js';
import type { SlaState } from '../../../../common/sla-clock.js';
import { CHINA_UTC_OFFSET_MINUTES, type WorkCalendar } from '../../../../common/work-calendar.js';

export const BOARD_STAGES = ['reported', 'filed', 'handling', 'checking', 'closed'] as const;
export type BoardStage = (typeof BOARD_STAGES)[number];

/** The column of a status; null for cases that leave the board (void, merged). */
export function stageOfStatus(status: CaseStatus): BoardStage | null {
  switch (status) {
    case 'reported':
    case 'verifying':
      return 'reported';
    case 'filed':
      return 'filed';
    case 'dispatched':
    case 'in_progress':
      return 'handling';
    case 'checking':
      return 'checking';
    case 'closed':
    case 'evaluated':
      return 'closed';
    case 'void':
    case 'merged':
      return null;
  }
}

const DAY_MS = 86_400_000;

/** The local (Beijing by default) calendar day of an instant, as a day number. */
export function localDay(ms: number, utcOffsetMinutes: number = CHINA_UTC_OFFSET_MINUTES): number {
  return Math.floor((ms + utcOffsetMinutes * 60_000) / DAY_MS);
}

/**
 * The column a case shows in on `today` (a local day number), or null when it is not on the board: void/merged,
 * or closed on an earlier day (the board shows only today's closures).
 */
export function boardStageOf(
  c: CaseView,
  today: number,
  utcOffsetMinutes = CHINA_UTC_OFFSET_MINUTES,
): BoardStage | null {
  const stage = stageOfStatus(c.status);
  if (stage !== 'closed') return stage;
  return c.closedAt !== undefined && localDay(c.closedAt, utcOffsetMinutes) === today ? 'closed' : null;
}

export interface BoardState {
  readonly cases: ReadonlyMap<string, CaseView>;
  /** The highest change sequence the board reflects: pushes at or below it are already in. */
  readonly lastSeq: number;
}

export const EMPTY_BOARD: BoardState = { cases: new Map(), lastSeq: 0 };

export function boardFromPage(page: BoardPage): BoardState {
  const cases = new Map<string, CaseView>();
  for (const c of page.cases) if (stageOfStatus(c.status) !== null) cases.set(c.id, c);
  return { cases, lastSeq: page.lastSeq };
}

export type ChangeOutcome = 'added' | 'updated' | 'removed' | 'ignored';

/** The console's own guess after a move kept in its outbox while the hub was unreachable (not the hub's word). */
export function isQueued(c: CaseView): boolean {
  return (c as ConsoleCaseView).queued !== undefined;
}

/**
 * Put one version of a case on the board (from a push, or the answer to one's own move). An older or equal version
 * than the board holds is ignored — except that the hub's word always replaces the console's queued guess of the
 * same version; a void or merged case leaves the board.
 */
export function applyCase(cases: Map<string, CaseView>, view: CaseView): ChangeOutcome {
  const held = cases.get(view.id);
  if (
    held &&
    (held.version > view.version || (held.version === view.version && !(isQueued(held) && !isQueued(view))))
  ) {
    return 'ignored';
  }
  if (stageOfStatus(view.status) === null) {
    if (!held) return 'ignored';
    cases.delete(view.id);
    return 'removed';
  }
  cases.set(view.id, view);
  return held ? 'updated' : 'added';
}

export interface AppliedChanges {
  readonly state: BoardState;
  /** Cases that were not on the board before (in arrival order): candidates for an announcement. */
  readonly added: CaseView[];
  /** True when anything on the board changed. */
  readonly changed: boolean;
}

/**
 * Apply pushed changes in sequence order. A change at or below the board's `lastSeq` is already reflected (it came
 * before the board page or was seen before) and is skipped; within what is left, the version rule decides.
 */
export function applyChanges(state: BoardState, changes: readonly CaseChange[]): AppliedChanges {
  const fresh = changes.filter((change) => change.seq > state.lastSeq).sort((a, b) => a.seq - b.seq);
  if (fresh.length === 0) return { state, added: [], changed: false };
  const cases = new Map(state.cases);
  const added = new Map<string, CaseView>();
  let changed = false;
  let lastSeq = state.lastSeq;
  for (const change of fresh) {
    lastSeq = Math.max(lastSeq, change.seq);
    const outcome = applyCase(cases, change.case);
    if (outcome === 'ignored') continue;
    changed = true;
    if (outcome === 'added') added.set(change.case.id, change.case);
    else if (outcome === 'removed') added.delete(change.case.id);
    else if (added.has(change.case.id)) added.set(change.case.id, change.case);
  }
  return { state: { cases: changed ? cases : state.cases, lastSeq }, added: [...added.values()], changed };
}

/** The board after one's own move was accepted (the push of the same version will then be ignored). */
export function applyOwnCase(state: BoardState, view: CaseView): BoardState {
  const cases = new Map(state.cases);
  return applyCase(cases, view) === 'ignored' ? state : { cases, lastSeq: state.lastSeq };
}

/** The attention filters of the board's counters and chips (attention.ts decides what matches each). */
export const ATTENTION_FILTERS = ['overdue', 'supervised', 'mine', 'watched'] as const;
export type AttentionFilter = (typeof ATTENTION_FILTERS)[number];

export interface BoardFilter {
  /** A township code from the filter bar. */
  readonly townshipCode: string | null;
  /** The unit picked in the org tree (any level): cases in its subtree. */
  readonly unitCode: string | null;
  /** Major category code ('02'). */
  readonly major: string | null;
  readonly grade: CaseGrade | null;
  readonly source: CaseSource | null;
  /** Case number or words of the description. */
  readonly text: string;
  /** Only overdue / supervised / the viewer's own / watched cases (the counters and chips above the board). */
  readonly attention?: AttentionFilter | null;
}

export const NO_FILTER: BoardFilter = {
  townshipCode: null,
  unitCode: null,
  major: null,
  grade: null,
  source: null,
  text: '',
};

export function isFiltering(filter: BoardFilter): boolean {
  return (
    filter.townshipCode !== null ||
    filter.unitCode !== null ||
    filter.major !== null ||
    filter.grade !== null ||
    filter.source !== null ||
    (filter.attention ?? null) !== null ||
    filter.text.trim() !== ''
  );
}

/** Cases are placed by where they happened (org codes are prefixes of the codes below them). */
export function matchesFilter(c: CaseView, filter: BoardFilter): boolean {
  if (filter.townshipCode !== null && !c.gridCode.startsWith(filter.townshipCode)) return false;
  if (filter.unitCode !== null && !c.gridCode.startsWith(filter.unitCode)) return false;
  if (filter.major !== null && !c.categoryCode.startsWith(filter.major)) return false;
  if (filter.grade !== null && c.grade !== filter.grade) return false;
  if (filter.source !== null && c.source !== filter.source) return false;
  const needle = filter.text.trim().toLowerCase();
  if (needle && !c.caseNo.toLowerCase().includes(needle) && !c.description.toLowerCase().includes(needle)) return false;
  return true;
}

const GRADE_RANK: Readonly<Record<CaseGrade, number>> = { serious: 0, general: 1, routine: 2 };

/**
 * Within a column: serious first, then the nearest deadline, then the longest waiting. Today's closures: the most
 * recent first. Ties fall back to the case id so the order is total and stable.
 */
export function compareCases(
  stage: BoardStage,
  a: CaseView,
  b: CaseView,
  dueOf: (c: CaseView) => number | undefined = (c) => c.dueAt,
): number {
  if (stage === 'closed') return (b.closedAt ?? 0) - (a.closedAt ?? 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  return (
    GRADE_RANK[a.grade] - GRADE_RANK[b.grade] ||
    (dueOf(a) ?? Number.MAX_SAFE_INTEGER) - (dueOf(b) ?? Number.MAX_SAFE_INTEGER) ||
    a.reportedAt - b.reportedAt ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

export type BoardColumns = Readonly<Record<BoardStage, readonly CaseView[]>>;

export interface ColumnOptions {
  readonly utcOffsetMinutes?: number;
  /** The intake deadline of a new report (intake-clock.ts): 待受理 sorts by it as handled cases sort by dueAt. */
  readonly intakeDueOf?: (c: CaseView) => number | undefined;
  /** The attention filter's test (attention.ts), when one is set. */
  readonly attention?: (c: CaseView) => boolean;
}

export function buildColumns(
  cases: Iterable<CaseView>,
  filter: BoardFilter,
  today: number,
  options: ColumnOptions = {},
): BoardColumns {
  const offset = options.utcOffsetMinutes ?? CHINA_UTC_OFFSET_MINUTES;
  const columns: Record<BoardStage, CaseView[]> = { reported: [], filed: [], handling: [], checking: [], closed: [] };
  for (const c of cases) {
    const stage = boardStageOf(c, today, offset);
    if (stage === null || !matchesFilter(c, filter)) continue;
    if (options.attention && !options.attention(c)) continue;
    columns[stage].push(c);
  }
  const intakeDueOf = options.intakeDueOf;
  for (const stage of BOARD_STAGES) {
    const dueOf = stage === 'reported' && intakeDueOf ? intakeDueOf : undefined;
    columns[stage].sort((a, b) => compareCases(stage, a, b, dueOf));
  }
  return columns;
}

/** Where keyboard focus goes from (column, index) on an arrow key; empty columns are skipped sideways. */
export function moveCursor(
  columns: BoardColumns,
  from: { stage: BoardStage; index: number } | null,
  key: 'ArrowUp' | 'ArrowDown' | 'ArrowLeft' | 'ArrowRight' | 'Home' | 'End',
): { stage: BoardStage; index: number } | null {
  const nonEmpty = BOARD_STAGES.filter((stage) => columns[stage].length > 0);
  if (nonEmpty.length === 0) return null;
  if (!from || columns[from.stage].length === 0) return { stage: nonEmpty[0]!, index: 0 };
  const length = columns[from.stage].length;
  const index = Math.min(from.index, length - 1);
  switch (key) {
    case 'ArrowUp':
      return { stage: from.stage, index: Math.max(0, index - 1) };
    case 'ArrowDown':
      return { stage: from.stage, index: Math.min(length - 1, index + 1) };
    case 'Home':
      return { stage: from.stage, index: 0 };
    case 'End':
      return { stage: from.stage, index: length - 1 };
    case 'ArrowLeft':
    case 'ArrowRight': {
      const at = BOARD_STAGES.indexOf(from.stage);
      const step = key === 'ArrowLeft' ? -1 : 1;
      for (let i = at + step; i >= 0 && i < BOARD_STAGES.length; i += step) {
        const stage = BOARD_STAGES[i]!;
        const size = columns[stage].length;
        if (size > 0) return { stage, index: Math.min(index, size - 1) };
      }
      return { stage: from.stage, index };
    }
  }
}

export type SlaName = SlaState['state'] | 'none';

/**
 * The card's deadline state (`none` when no deadline runs) and the countdown behind it: a new report's intake clock
 * (when the limits are given) until it is filed, then the lead leg's deadline.
 */
export function cardSla(
  c: CaseView,
  nowMs: number,
  calendar: WorkCalendar,
  intake?: IntakeLimits,
): { name: SlaName; sla: SlaState | null; clock: 'intake' | 'handling' | null } {
  const intakeState = intake ? intakeSla(intake, c, nowMs, calendar) : null;
  if (intakeState) return { name: intakeState.state, sla: intakeState, clock: 'intake' };
  const sla = caseSla(c, nowMs, calendar);
  return { name: sla ? sla.state : 'none', sla, clock: sla ? 'handling' : null };
}

/**
 * A photo may be shown as an image only when it is an http(s) URL or an inline raster image; anything else (a
 * `javascript:` URL, SVG that could carry script, a relative path) is shown as text at most.
 */
export function isSafeImageUrl(url: string): boolean {
  const value = url.trim();
  if (/^data:image\/(png|jpe?g|gif|webp|bmp|avif);base64,[a-z0-9+/=\s]+$/i.test(value)) return true;
  try {
    const parsed = new URL(value);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:';
  } catch {
    return false;
  }
}

/**
 * A photo the console itself can show: an inline raster image. The console's own image policy (CSP `img-src 'self'
 * data: blob:`) blocks http(s) images from elsewhere, so such a URL would reach every other console as bare text;
 * until attachments live on the hub, input accepts only what it can show.
 */
export function isShowableImageUrl(url: string): boolean {
  return /^data:image\/(png|jpe?g|gif|webp|bmp|avif);base64,[a-z0-9+/=\s]+$/i.test(url.trim());
}

/** Photos typed one per line (or separated by blanks/commas); what the console cannot show is reported back, not sent. */
export function parsePhotoUrls(text: string): { urls: string[]; rejected: string[] } {
  const parts = text
    // Commas separate entries, except the one inside a data URL ("data:image/png;base64,…").
    .split(/[\s，]+|(?<!;base64),/)
    .map((part) => part.trim())
    .filter(Boolean);
  const urls: string[] = [];
  const rejected: string[] = [];
  for (const part of parts) (isShowableImageUrl(part) && part.length <= 500 ? urls : rejected).push(part);
  return { urls, rejected };
}

/** Splits a duration into whole hours, minutes and seconds (of the absolute value) for a countdown. */
export function splitDuration(totalSeconds: number): {
  negative: boolean;
  hours: number;
  minutes: number;
  seconds: number;
} {
  const negative = totalSeconds < 0;
  const abs = Math.floor(Math.abs(totalSeconds));
  return { negative, hours: Math.floor(abs / 3600), minutes: Math.floor((abs % 3600) / 60), seconds: abs % 60 };
}

/** "H:MM:SS" (hours may exceed 24: a working-time countdown has no whole days). */
export function formatClock(totalSeconds: number): string {
  const { hours, minutes, seconds } = splitDuration(totalSeconds);
  return `${hours}:${String(minutes).padStart(2, '0')}:${String(seconds).padStart(2, '0')}`;
}
