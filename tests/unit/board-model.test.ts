/**
 * The dispatch board's pure model: which column a case stands in, how pushed changes (by sequence and version) update
 * the board, filtering, ordering, keyboard movement, the card's SLA state and which photo URLs may become <img>.
 */
import { describe, expect, it } from 'vitest';
import type { CaseChange, CaseView } from '../../common/case-api.js';
import { CASE_STATUSES, type CaseSnapshot } from '../../common/cases.js';
import type { WorkCalendar } from '../../common/work-calendar.js';
import {
  applyChanges,
  applyOwnCase,
  boardFromPage,
  boardStageOf,
  buildColumns,
  cardSla,
  EMPTY_BOARD,
  formatClock,
  isFiltering,
  isQueued,
  isSafeImageUrl,
  localDay,
  matchesFilter,
  moveCursor,
  NO_FILTER,
  parsePhotoUrls,
  stageOfStatus,
  type BoardColumns,
} from '../../renderer/src/base/cases/board-model.js';
import { DAY, FIXTURES, GRID, GRID_B, HOUR, T0, T1, reportedCase } from './case-fixtures.js';

const CALENDAR: WorkCalendar = {
  utcOffsetMinutes: 480,
  workingHours: [
    ['08:30', '12:00'],
    ['14:30', '17:30'],
  ],
  holidays: [],
  makeupWorkdays: [],
};

function view(snapshot: CaseSnapshot, extra: Partial<CaseView> = {}): CaseView {
  return {
    ...snapshot,
    caseNo: snapshot.id,
    description: '路边堆放垃圾',
    location: { lon: 112.2, lat: 25.9 },
    photos: [],
    ...extra,
  };
}

const change = (seq: number, c: CaseView): CaseChange => ({ seq, case: c });
const TODAY = localDay(T0);

describe('stages', () => {
  it('puts every status in its column, and void / merged nowhere', () => {
    const stages = Object.fromEntries(CASE_STATUSES.map((s) => [s, stageOfStatus(s)]));
    expect(stages).toEqual({
      reported: 'reported',
      verifying: 'reported',
      filed: 'filed',
      dispatched: 'handling',
      in_progress: 'handling',
      checking: 'checking',
      closed: 'closed',
      evaluated: 'closed',
      void: null,
      merged: null,
    });
  });

  it('shows only the closures of the local (Beijing) day', () => {
    const closed = FIXTURES.closed;
    // 23:30 Beijing is still "today" although it is already 15:30 UTC; 00:30 the next day is not.
    const lateToday = Date.parse('2024-03-05T23:30:00+08:00');
    const earlyTomorrow = Date.parse('2024-03-06T00:30:00+08:00');
    expect(boardStageOf(view({ ...closed, closedAt: lateToday }), TODAY)).toBe('closed');
    expect(boardStageOf(view({ ...closed, closedAt: earlyTomorrow }), TODAY)).toBeNull();
    expect(boardStageOf(view({ ...closed, closedAt: earlyTomorrow }), TODAY + 1)).toBe('closed');
    expect(boardStageOf(view(FIXTURES.inProgressCounty), TODAY + 10)).toBe('handling');
  });
});

describe('applying changes', () => {
  const a1 = view(reportedCase({ id: 'A', version: 1 }));
  const a2 = view({ ...FIXTURES.filedCounty, id: 'A', version: 2 });
  const b1 = view(reportedCase({ id: 'B', version: 1, grade: 'serious' }));

  it('builds the board from a page, leaving void and merged cases out', () => {
    const board = boardFromPage({
      cases: [a1, view({ ...FIXTURES.void, id: 'V' }), view({ ...FIXTURES.merged, id: 'M' })],
      lastSeq: 7,
      truncated: false,
    });
    expect([...board.cases.keys()]).toEqual(['A']);
    expect(board.lastSeq).toBe(7);
  });

  it('adds new cases, updates newer versions and reports which cases are new', () => {
    const first = applyChanges(EMPTY_BOARD, [change(1, a1), change(2, b1)]);
    expect(first.added.map((c) => c.id)).toEqual(['A', 'B']);
    expect(first.state.lastSeq).toBe(2);
    const second = applyChanges(first.state, [change(3, a2)]);
    expect(second.added).toEqual([]);
    expect(second.changed).toBe(true);
    expect(second.state.cases.get('A')?.status).toBe('filed');
  });

  it('ignores an older or equal version of a case than the board holds', () => {
    const board = applyChanges(EMPTY_BOARD, [change(5, a2)]).state;
    const stale = applyChanges(board, [change(6, a1), change(7, a2)]);
    expect(stale.changed).toBe(false);
    expect(stale.state.cases).toBe(board.cases);
    expect(stale.state.cases.get('A')?.version).toBe(2);
    expect(stale.state.lastSeq).toBe(7);
  });

  it('skips changes at or below the sequence the board already reflects', () => {
    const board = boardFromPage({ cases: [], lastSeq: 10, truncated: false });
    const result = applyChanges(board, [change(9, a1), change(10, b1)]);
    expect(result.changed).toBe(false);
    expect(result.state.cases.size).toBe(0);
  });

  it('applies out-of-order pushes by sequence, the newest version winning', () => {
    const result = applyChanges(EMPTY_BOARD, [change(2, a2), change(1, a1)]);
    expect(result.state.cases.get('A')?.version).toBe(2);
    expect(result.added).toHaveLength(1);
    expect(result.added[0]?.version).toBe(2);
  });

  it('removes a case that was voided or merged, and does not announce it', () => {
    const board = applyChanges(EMPTY_BOARD, [change(1, a1)]).state;
    const voided = view({ ...FIXTURES.void, id: 'A', version: 2 });
    const result = applyChanges(board, [change(2, voided)]);
    expect(result.state.cases.has('A')).toBe(false);
    const bornVoid = applyChanges(EMPTY_BOARD, [
      change(1, b1),
      change(2, view({ ...FIXTURES.void, id: 'B', version: 2 })),
    ]);
    expect(bornVoid.added).toEqual([]);
  });

  it('lets the hub’s word replace the console’s queued guess of the same version, never the other way round', () => {
    const board = applyChanges(EMPTY_BOARD, [change(1, a1)]).state;
    const guess = { ...a2, queued: { outboxId: 1, queuedAt: '2024-03-05T09:00:00+08:00' } };
    const guessed = applyOwnCase(board, guess);
    expect(isQueued(guessed.cases.get('A')!)).toBe(true);
    const confirmed = applyChanges(guessed, [change(2, a2)]);
    expect(confirmed.changed).toBe(true);
    expect(isQueued(confirmed.state.cases.get('A')!)).toBe(false);
    expect(applyOwnCase(confirmed.state, guess)).toBe(confirmed.state);
  });

  it('takes the answer to one’s own move at once; its push is then ignored', () => {
    const board = applyChanges(EMPTY_BOARD, [change(1, a1)]).state;
    const moved = applyOwnCase(board, a2);
    expect(moved.cases.get('A')?.version).toBe(2);
    expect(applyOwnCase(moved, a1)).toBe(moved);
    expect(applyChanges(moved, [change(2, a2)]).changed).toBe(false);
  });
});

describe('filtering', () => {
  const c = view(reportedCase({ id: 'C', categoryCode: '0402', grade: 'general', source: 'hotline' }), {
    caseNo: '20240305-000042',
    description: 'Noise from a KTV at night',
  });

  it('matches by township, org unit, major category, grade, source and words', () => {
    expect(matchesFilter(c, NO_FILTER)).toBe(true);
    expect(matchesFilter(c, { ...NO_FILTER, townshipCode: T1 })).toBe(true);
    expect(matchesFilter(c, { ...NO_FILTER, townshipCode: '431099002' })).toBe(false);
    expect(matchesFilter(c, { ...NO_FILTER, unitCode: GRID })).toBe(true);
    expect(matchesFilter(c, { ...NO_FILTER, unitCode: GRID_B })).toBe(false);
    expect(matchesFilter(c, { ...NO_FILTER, major: '04' })).toBe(true);
    expect(matchesFilter(c, { ...NO_FILTER, major: '02' })).toBe(false);
    expect(matchesFilter(c, { ...NO_FILTER, grade: 'general' })).toBe(true);
    expect(matchesFilter(c, { ...NO_FILTER, grade: 'serious' })).toBe(false);
    expect(matchesFilter(c, { ...NO_FILTER, source: 'hotline' })).toBe(true);
    expect(matchesFilter(c, { ...NO_FILTER, source: 'public' })).toBe(false);
    expect(matchesFilter(c, { ...NO_FILTER, text: '000042' })).toBe(true);
    expect(matchesFilter(c, { ...NO_FILTER, text: '  ktv ' })).toBe(true);
    expect(matchesFilter(c, { ...NO_FILTER, text: 'fire' })).toBe(false);
  });

  it('knows when any filter is set', () => {
    expect(isFiltering(NO_FILTER)).toBe(false);
    expect(isFiltering({ ...NO_FILTER, text: '   ' })).toBe(false);
    expect(isFiltering({ ...NO_FILTER, grade: 'routine' })).toBe(true);
  });
});

describe('columns', () => {
  const base = reportedCase();
  const cases = [
    view({ ...base, id: 'R-old', reportedAt: T0 - DAY }),
    view({ ...base, id: 'R-new', reportedAt: T0 }),
    view({ ...base, id: 'R-serious', reportedAt: T0 + HOUR, grade: 'serious' }),
    view({ ...FIXTURES.inProgressCounty, id: 'H-late', dueAt: T0 + 3 * DAY }),
    view({ ...FIXTURES.inProgressCounty, id: 'H-soon', dueAt: T0 + DAY }),
    view({ ...FIXTURES.closed, id: 'X-1', closedAt: T0 + HOUR }),
    view({ ...FIXTURES.closed, id: 'X-2', closedAt: T0 + 2 * HOUR }),
    view({ ...FIXTURES.closed, id: 'X-old', closedAt: T0 - 2 * DAY }),
  ];

  it('orders serious first, then the nearest deadline, then the longest waiting; closures newest first', () => {
    const columns = buildColumns(cases, NO_FILTER, TODAY);
    const ids = (stage: keyof BoardColumns) => columns[stage].map((c) => c.id);
    expect(ids('reported')).toEqual(['R-serious', 'R-old', 'R-new']);
    expect(ids('handling')).toEqual(['H-soon', 'H-late']);
    expect(ids('closed')).toEqual(['X-2', 'X-1']);
    expect(ids('filed')).toEqual([]);
  });

  it('applies the filter', () => {
    const columns = buildColumns(cases, { ...NO_FILTER, grade: 'serious' }, TODAY);
    expect(columns.reported.map((c) => c.id)).toEqual(['R-serious']);
    expect(columns.handling).toEqual([]);
  });

  it('moves the keyboard cursor within and across columns, skipping empty ones', () => {
    const columns = buildColumns(cases, NO_FILTER, TODAY);
    expect(moveCursor(columns, null, 'ArrowDown')).toEqual({ stage: 'reported', index: 0 });
    expect(moveCursor(columns, { stage: 'reported', index: 0 }, 'ArrowUp')).toEqual({ stage: 'reported', index: 0 });
    expect(moveCursor(columns, { stage: 'reported', index: 1 }, 'ArrowDown')).toEqual({ stage: 'reported', index: 2 });
    expect(moveCursor(columns, { stage: 'reported', index: 2 }, 'ArrowDown')).toEqual({ stage: 'reported', index: 2 });
    // 待派遣 is empty: right from 待受理 lands in 处置中, at the nearest index it has.
    expect(moveCursor(columns, { stage: 'reported', index: 2 }, 'ArrowRight')).toEqual({ stage: 'handling', index: 1 });
    expect(moveCursor(columns, { stage: 'handling', index: 0 }, 'ArrowLeft')).toEqual({ stage: 'reported', index: 0 });
    expect(moveCursor(columns, { stage: 'closed', index: 0 }, 'ArrowRight')).toEqual({ stage: 'closed', index: 0 });
    expect(moveCursor(columns, { stage: 'reported', index: 0 }, 'End')).toEqual({ stage: 'reported', index: 2 });
    const empty = buildColumns([], NO_FILTER, TODAY);
    expect(moveCursor(empty, null, 'ArrowDown')).toBeNull();
  });
});

describe('the card’s deadline', () => {
  it('is none before dispatch and while waiting for the check', () => {
    expect(cardSla(view(FIXTURES.reported), T0, CALENDAR).name).toBe('none');
    expect(cardSla(view(FIXTURES.checkingCounty), T0 + HOUR, CALENDAR).name).toBe('none');
  });

  it('goes ok → warning → overdue on the wall clock for a serious case', () => {
    const dispatchedAt = T0;
    const serious = view({
      ...FIXTURES.inProgressCounty,
      grade: 'serious',
      dueAt: dispatchedAt + 4 * HOUR,
      legs: FIXTURES.inProgressCounty.legs.map((leg) =>
        leg.role === 'lead' ? { ...leg, dispatchedAt, dueAt: dispatchedAt + 4 * HOUR, clock: 'wall' as const } : leg,
      ),
    });
    expect(cardSla(serious, dispatchedAt + HOUR, CALENDAR).name).toBe('ok');
    expect(cardSla(serious, dispatchedAt + 3.5 * HOUR, CALENDAR).name).toBe('warning');
    const late = cardSla(serious, dispatchedAt + 5 * HOUR, CALENDAR);
    expect(late.name).toBe('overdue');
    expect(late.sla?.remainingMinutes).toBe(-60);
  });
});

describe('photos', () => {
  it('shows only http(s) and inline raster images', () => {
    expect(isSafeImageUrl('https://img.example.cn/a.jpg')).toBe(true);
    expect(isSafeImageUrl('http://127.0.0.1:8080/p.png')).toBe(true);
    expect(isSafeImageUrl('data:image/png;base64,iVBORw0KGgo=')).toBe(true);
    expect(isSafeImageUrl('data:image/svg+xml;base64,PHN2Zz4=')).toBe(false);
    expect(isSafeImageUrl('data:text/html;base64,PGI+')).toBe(false);
    expect(isSafeImageUrl('javascript:alert(1)')).toBe(false);
    expect(isSafeImageUrl('/media/p1.jpg')).toBe(false);
    expect(isSafeImageUrl('p1')).toBe(false);
  });

  it('splits typed URLs and reports the ones it will not send', () => {
    // Only what the console can show (its image policy blocks http(s) images from elsewhere) is accepted.
    expect(parsePhotoUrls(' data:image/png;base64,iVBORw0KGgo=\nhttps://a.cn/2.jpg, javascript:x ')).toEqual({
      urls: ['data:image/png;base64,iVBORw0KGgo='],
      rejected: ['https://a.cn/2.jpg', 'javascript:x'],
    });
    expect(parsePhotoUrls('')).toEqual({ urls: [], rejected: [] });
  });
});

describe('countdown text', () => {
  it('formats hours beyond a day without rolling over', () => {
    expect(formatClock(0)).toBe('0:00:00');
    expect(formatClock(59.9)).toBe('0:00:59');
    expect(formatClock(3600 * 30 + 61)).toBe('30:01:01');
    expect(formatClock(-125)).toBe('0:02:05');
  });
});
