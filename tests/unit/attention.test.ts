/**
 * What needs action now: the intake clock of a new report (per grade, from resources/intake-limits.json), the
 * board's attention filters (超时 / 督办 / mine / watched), a card's next move for its viewer and the units a case
 * went to, and 待受理 sorted by the intake deadline.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CaseView } from '../../common/case-api.js';
import type { CaseSnapshot } from '../../common/cases.js';
import { IntakeLimits, intakeDueAt, intakeSla } from '../../common/intake-clock.js';
import { buildWorkCalendar } from '../../common/calendar-years.js';
import { packageCalendarYears } from '../../node-shared/chinese-days-calendar.js';
import {
  hasOwnLeg,
  matchesAttention,
  nextMoveFor,
  workingUnits,
  type AttentionContext,
} from '../../renderer/src/base/cases/attention.js';
import { buildColumns, cardSla, localDay, NO_FILTER } from '../../renderer/src/base/cases/board-model.js';
import { ACTORS, DAY, FIXTURES, HOUR, T0, T1, V1, GRID_B, reportedCase } from './case-fixtures.js';

const load = (name: string) => JSON.parse(readFileSync(new URL(`../../resources/${name}`, import.meta.url), 'utf8'));
const calendar = buildWorkCalendar(packageCalendarYears());
const intake = IntakeLimits.parse(load('intake-limits.json'));
const MIN = 60_000;

const view = (s: CaseSnapshot, id = s.id): CaseView => ({
  ...s,
  id,
  caseNo: id,
  description: '测试',
  location: { lon: 112.2, lat: 25.9 },
  photos: [],
});

describe('the intake clock', () => {
  it('gives a serious report 15 minutes on the wall clock and a general one a working hour', () => {
    // T0 is a Tuesday 09:00 in Beijing.
    expect(intakeDueAt(intake, { grade: 'serious', reportedAt: T0 }, calendar)).toBe(T0 + 15 * MIN);
    expect(intakeDueAt(intake, { grade: 'general', reportedAt: T0 }, calendar)).toBe(T0 + HOUR);
    // Routine: 4 working hours — 09:00–12:00, then 14:30–15:30.
    expect(intakeDueAt(intake, { grade: 'routine', reportedAt: T0 }, calendar)).toBe(
      Date.parse('2024-03-05T15:30:00+08:00'),
    );
  });

  it('turns amber at 75 % and red when late, and stops once the report is filed', () => {
    const serious = FIXTURES.seriousReported;
    expect(intakeSla(intake, serious, T0 + 5 * MIN, calendar)?.state).toBe('ok');
    expect(intakeSla(intake, serious, T0 + 12 * MIN, calendar)?.state).toBe('warning');
    expect(intakeSla(intake, serious, T0 + 23 * MIN, calendar)?.state).toBe('overdue');
    expect(intakeSla(intake, { ...serious, status: 'verifying' }, T0 + 23 * MIN, calendar)?.state).toBe('overdue');
    expect(intakeSla(intake, { ...serious, status: 'filed' }, T0 + 23 * MIN, calendar)).toBeNull();
    // The card reads the intake clock for a new report, the handling deadline afterwards.
    expect(cardSla(view(serious), T0 + 23 * MIN, calendar, intake)).toMatchObject({ name: 'overdue', clock: 'intake' });
    expect(cardSla(view(serious), T0 + 23 * MIN, calendar)).toMatchObject({ name: 'none', clock: null });
    expect(cardSla(view(FIXTURES.dispatchedT1), T0 + 2 * HOUR, calendar, intake).clock).toBe('handling');
  });

  it('refuses a serious intake limit in working time', () => {
    const bad = { ...load('intake-limits.json'), serious: { amount: 1, unit: 'working_hours' } };
    expect(IntakeLimits.safeParse(bad).success).toBe(false);
  });

  it('sorts 待受理 by the intake deadline within a grade: the one waiting longest first', () => {
    const older = view(reportedCase({ grade: 'general', reportedAt: T0 - 50 * MIN }), 'older');
    const newer = view(reportedCase({ grade: 'general', reportedAt: T0 }), 'newer');
    const columns = buildColumns([newer, older], NO_FILTER, localDay(T0), {
      intakeDueOf: (c) => intakeDueAt(intake, c, calendar),
    });
    expect(columns.reported.map((c) => c.id)).toEqual(['older', 'newer']);
  });
});

describe('attention filters', () => {
  const now = T0 + 4 * DAY;
  const late = view({ ...FIXTURES.seriousReported, reportedAt: now - 23 * MIN }, 'late-intake');
  const fresh = view({ ...FIXTURES.seriousReported, reportedAt: now - 2 * MIN }, 'fresh-intake');
  const lateLeg = view(FIXTURES.dispatchedT1, 'late-leg'); // due T0 + 3 days
  const supervised = view({ ...FIXTURES.inProgressCounty, supervisionCount: 1 }, 'supervised');
  const closed = view(FIXTURES.closed, 'closed');
  const all = [late, fresh, lateLeg, supervised, closed];
  const ctx = (actor: keyof typeof ACTORS, watched: string[] = []): AttentionContext => ({
    now,
    calendar,
    intake,
    actor: ACTORS[actor],
    watched: new Set(watched),
  });
  const listed = (filter: Parameters<typeof matchesAttention>[1], c: AttentionContext) =>
    all.filter((x) => matchesAttention(x, filter, c)).map((x) => x.id);

  it('overdue lists exactly the late intakes and late legs', () => {
    expect(listed('overdue', ctx('county'))).toEqual(['late-intake', 'late-leg', 'supervised']);
    // The same cases an hour before the leg deadlines (T0 + 3 days − 1 h, a working hour away) minus those.
    const before = { ...ctx('county'), now: T0 + 3 * DAY - HOUR };
    expect(all.filter((x) => matchesAttention(x, 'overdue', before)).map((x) => x.id)).not.toContain('late-leg');
  });

  it('supervised lists open supervised cases; watched lists the watch list', () => {
    expect(listed('supervised', ctx('county'))).toEqual(['supervised']);
    expect(listed('watched', ctx('county', ['closed', 'fresh-intake']))).toEqual(['fresh-intake', 'closed']);
  });

  it("mine: a township's own legs and its turns; the county's turns", () => {
    expect(hasOwnLeg(lateLeg, V1)).toBe(true);
    expect(listed('mine', ctx('t1'))).toContain('late-leg');
    expect(listed('mine', ctx('t1'))).not.toContain('closed');
    expect(listed('mine', ctx('county'))).toEqual(expect.arrayContaining(['late-intake', 'fresh-intake']));
    expect(listed('mine', ctx('wall'))).toEqual([]);
  });

  it("says the viewer's own next move, and nothing when it is not their turn", () => {
    expect(nextMoveFor(late, ACTORS.county)).toBe('request_verification');
    expect(nextMoveFor(lateLeg, ACTORS.t1)).toBe('sign');
    expect(nextMoveFor(lateLeg, ACTORS.t2)).toBeNull();
    expect(nextMoveFor(view(FIXTURES.checkingCounty), ACTORS.county)).toBe('check');
    expect(nextMoveFor(lateLeg, ACTORS.wall)).toBeNull();
  });

  it('names the units a case went to, lead first, leaving out withdrawn legs', () => {
    expect(workingUnits(lateLeg)).toEqual([V1, GRID_B]);
    expect(workingUnits(view(FIXTURES.dispatchedCounty))[0]).toBe(T1);
    expect(workingUnits(late)).toEqual([]);
  });
});
