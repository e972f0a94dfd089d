/**
 * 回访 in the case machine: a public/hotline case is called back before it closes; an unsatisfied call-back can send
 * it back to the lead unit; closing needs a reached call-back after the last feedback or N unanswered tries; a merge
 * leaves a coded history note on the duplicate.
 */
import { describe, expect, it } from 'vitest';
import { allowedMoves, applyMove } from '../../common/case-machine.js';
import { callbackResult, callbackStanding } from '../../common/cases/callback.js';
import { currentLeadLeg, mergedReporters, type CaseSnapshot } from '../../common/cases.js';
import { DeskLimits } from '../../common/desk-limits.js';
import deskJson from '../../resources/desk-limits.json' with { type: 'json' };
import { ACTORS, DAY, FIXTURES, HOUR, T0, T1, must, reportedCase } from './case-fixtures.js';

const due = T0 + 5 * DAY;

/** A hotline report filed and dispatched by the county to township 1, which signed and fed back. */
function hotlineAtCheck(source: CaseSnapshot['source'] = 'hotline'): CaseSnapshot {
  let s = reportedCase({ source, reporters: [{ source, reportedAt: T0, phone: '13800000000' }] });
  s = must(s, 'county', { type: 'file' });
  s = must(s, 'county', { type: 'dispatch', lead: { unitCode: T1, dueAt: due }, assists: [] });
  const legId = currentLeadLeg(s)!.id;
  s = must(s, 't1', { type: 'sign', legId });
  return must(s, 't1', { type: 'feedback', legId, result: '已协调解决', photos: [] }, T0 + 2 * HOUR);
}

describe('call-back (回访)', () => {
  it('is offered to the checking centre for public and hotline reports only', () => {
    expect(allowedMoves(hotlineAtCheck(), ACTORS.county)).toContain('callback');
    expect(allowedMoves(hotlineAtCheck('public'), ACTORS.county)).toContain('callback');
    expect(allowedMoves(hotlineAtCheck(), ACTORS.t1)).not.toContain('callback');
    expect(allowedMoves(FIXTURES.checkingCounty, ACTORS.county)).not.toContain('callback');
    const gridWorker = applyMove(
      FIXTURES.checkingCounty,
      { type: 'callback', outcome: 'satisfied' },
      ACTORS.county,
      T0,
    );
    expect(gridWorker).toMatchObject({ ok: false, code: 'invalid_transition' });
  });

  it('refuses to close a hotline case before anyone called the reporter back', () => {
    const closing = applyMove(hotlineAtCheck(), { type: 'check', outcome: 'pass' }, ACTORS.county, T0 + 3 * HOUR);
    expect(closing).toMatchObject({ ok: false, code: 'invalid_transition', field: 'outcome' });
    // A grid worker's report needs none.
    expect(applyMove(FIXTURES.checkingCounty, { type: 'check', outcome: 'pass' }, ACTORS.county, T0).ok).toBe(true);
  });

  it('records a satisfied call-back with its history row, then lets the check close the case', () => {
    const s = hotlineAtCheck();
    const called = applyMove(
      s,
      { type: 'callback', outcome: 'satisfied', note: '群众表示满意' },
      ACTORS.county,
      T0 + 3 * HOUR,
    );
    expect(called.ok).toBe(true);
    if (!called.ok) return;
    expect(called.next.status).toBe('checking');
    expect(called.next.callbacks).toEqual([
      { at: T0 + 3 * HOUR, byUserId: 'u-county', outcome: 'satisfied', note: '群众表示满意' },
    ]);
    expect(called.history).toMatchObject({
      move: 'callback',
      from: 'checking',
      to: 'checking',
      note: '群众表示满意',
      noteCode: 'callback_satisfied',
      unitCode: T1,
    });
    const closed = must(called.next, 'county', { type: 'check', outcome: 'pass' }, T0 + 4 * HOUR);
    expect(closed.status).toBe('closed');
    expect(callbackResult(closed.callbacks)).toBe('satisfied');
  });

  it('reopens on an unsatisfied call-back: back to the lead unit’s handling, counted as rework', () => {
    const s = hotlineAtCheck();
    const lead = currentLeadLeg(s)!;
    const reopened = applyMove(
      s,
      { type: 'callback', outcome: 'unsatisfied', reopen: true, note: '噪音仍在' },
      ACTORS.county,
      T0 + 3 * HOUR,
    );
    expect(reopened.ok).toBe(true);
    if (!reopened.ok) return;
    expect(reopened.next.status).toBe('in_progress');
    expect(reopened.next.reworkCount).toBe(1);
    const leg = reopened.next.legs.find((l) => l.id === lead.id)!;
    expect(leg).toMatchObject({ status: 'signed', unitCode: T1 });
    expect(leg.feedback).toBeUndefined();
    expect(reopened.history).toMatchObject({ from: 'checking', to: 'in_progress', noteCode: 'callback_reopened' });
    // The township handles it again; the call-back before the reopening does not count for the new round.
    expect(allowedMoves(reopened.next, ACTORS.t1)).toContain('feedback');
    const again = must(
      reopened.next,
      't1',
      { type: 'feedback', legId: lead.id, result: '已加装隔音', photos: [] },
      T0 + 5 * HOUR,
    );
    expect(applyMove(again, { type: 'check', outcome: 'pass' }, ACTORS.county, T0 + 6 * HOUR).ok).toBe(false);
  });

  it('keeps an unsatisfied call-back without reopening: the centre may still close', () => {
    const s = must(hotlineAtCheck(), 'county', { type: 'callback', outcome: 'unsatisfied' }, T0 + 3 * HOUR);
    expect(s.status).toBe('checking');
    const closed = must(s, 'county', { type: 'check', outcome: 'pass' }, T0 + 4 * HOUR);
    expect(callbackResult(closed.callbacks)).toBe('unsatisfied');
  });

  it('refuses to reopen on a satisfied or unreached call-back', () => {
    for (const outcome of ['satisfied', 'not_reached'] as const) {
      const refused = applyMove(hotlineAtCheck(), { type: 'callback', outcome, reopen: true }, ACTORS.county, T0);
      expect(refused).toMatchObject({ ok: false, code: 'validation_failed', field: 'reopen' });
    }
  });

  it('closes as unreachable only after the configured number of unanswered tries', () => {
    const limits = { callbackTries: 3 };
    let s = hotlineAtCheck();
    for (let i = 1; i <= 3; i++) {
      const early = applyMove(s, { type: 'check', outcome: 'pass' }, ACTORS.county, T0 + 3 * HOUR, limits);
      expect(early.ok, `after ${i - 1} tries`).toBe(false);
      s = must(s, 'county', { type: 'callback', outcome: 'not_reached' }, T0 + (2 + i) * HOUR);
    }
    expect(callbackStanding(s, currentLeadLeg(s)!.feedback!.at, 3)).toBe('unreachable');
    const closed = applyMove(s, { type: 'check', outcome: 'pass' }, ACTORS.county, T0 + 9 * HOUR, limits);
    expect(closed.ok).toBe(true);
    if (closed.ok) expect(callbackResult(closed.next.callbacks)).toBe('unreachable');
    // A stricter desk (5 tries) still refuses.
    expect(
      applyMove(s, { type: 'check', outcome: 'pass' }, ACTORS.county, T0 + 9 * HOUR, { callbackTries: 5 }).ok,
    ).toBe(false);
  });

  it('ships thresholds the schema accepts (100 m, 24 h, 3 tries)', () => {
    expect(DeskLimits.parse(deskJson)).toMatchObject({
      duplicates: { radiusM: 100, windowHours: 24 },
      callback: { tries: 3 },
    });
  });
});

describe('merge as a duplicate', () => {
  it('closes the duplicate as merged with a coded note naming the survivor', () => {
    const merged = applyMove(reportedCase(), { type: 'merge', intoCaseId: 'C0' }, ACTORS.t1, T0 + HOUR);
    expect(merged.ok).toBe(true);
    if (!merged.ok) return;
    expect(merged.next).toMatchObject({ status: 'merged', mergedInto: 'C0' });
    expect(merged.history).toMatchObject({
      move: 'merge',
      from: 'reported',
      to: 'merged',
      noteCode: 'merged_into',
      noteParams: { caseId: 'C0' },
    });
  });

  it('keeps two callers typed in by the same duty officer as two reporters, and one caller once', () => {
    const officer = { source: 'hotline' as const, reportedAt: T0, userId: 'u-county' };
    const target = [{ ...officer, phone: '13700000001' }];
    const merged = mergedReporters(target, [
      { ...officer, phone: '13700000002' },
      { ...officer, phone: '13700000001', reportedAt: T0 + HOUR },
    ]);
    expect(merged.map((r) => r.phone)).toEqual(['13700000001', '13700000002']);
  });

  it('refuses merging a dispatched case or merging across townships', () => {
    expect(applyMove(FIXTURES.dispatchedT1, { type: 'merge', intoCaseId: 'C0' }, ACTORS.t1, T0).ok).toBe(false);
    expect(applyMove(reportedCase(), { type: 'merge', intoCaseId: 'C0' }, ACTORS.t2, T0)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
  });
});
