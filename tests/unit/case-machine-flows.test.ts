/**
 * The case loop as the county runs it: joint dispatch, rework, escalation, takeover, returns, extensions, ledgers,
 * supervision, on-the-spot handling and evaluation — checked by what a duty officer would look at afterwards.
 */
import { describe, expect, it } from 'vitest';
import { applyMove } from '../../common/case-machine.js';
import { legClockRuns } from '../../common/case-leg-ops.js';
import { legsDueForSupervision } from '../../common/case-sla.js';
import { buildWorkCalendar } from '../../common/calendar-years.js';
import { packageCalendarYears } from '../../node-shared/chinese-days-calendar.js';
import { mergedReporters, type CaseSnapshot } from '../../common/cases.js';
import {
  ACTORS,
  COUNTY,
  DAY,
  FIXTURES,
  GRID,
  GRID_B,
  HOUR,
  T0,
  T1,
  T2,
  V1,
  legOf,
  must,
  play,
  reportedCase,
} from './case-fixtures.js';

const calendar = buildWorkCalendar(packageCalendarYears());
const due = T0 + 3 * DAY;
const at = T0 + 2 * HOUR;

function jointlyDispatched(): CaseSnapshot {
  return play(reportedCase(), [
    ['county', { type: 'file' }],
    [
      'county',
      {
        type: 'dispatch',
        lead: { unitCode: T1, dueAt: due },
        assists: [
          { unitCode: 'dept:zhujian', dueAt: due + DAY },
          { unitCode: T2, dueAt: due },
        ],
      },
    ],
  ]);
}

describe('joint dispatch (主办 + 协办)', () => {
  it('gives every unit its own leg, sign-for, deadline and feedback; only the lead’s passed check closes the case', () => {
    let s = jointlyDispatched();
    expect(s.status).toBe('dispatched');
    expect(s.legs.map((l) => [l.unitCode, l.role, l.status])).toEqual([
      [T1, 'lead', 'dispatched'],
      ['dept:zhujian', 'assist', 'dispatched'],
      [T2, 'assist', 'dispatched'],
    ]);
    expect(s.dueAt).toBe(due);
    expect(legOf(s, 'dept:zhujian').dueAt).toBe(due + DAY);

    // The assisting township signs and feeds back first: the case does not move on its account.
    s = play(s, [
      ['t2', { type: 'sign', legId: legOf(s, T2).id }],
      ['t2', { type: 'feedback', legId: legOf(s, T2).id, result: '已配合拆除', photos: ['a.jpg'] }],
    ]);
    expect(s.status).toBe('dispatched');
    expect(legOf(s, T2).status).toBe('feedback');

    // The lead signs: in progress. 住建's own officer signs for its leg.
    s = must(s, 't1', { type: 'sign', legId: legOf(s, T1).id });
    expect(s.status).toBe('in_progress');
    s = must(s, 'zhujian', { type: 'sign', legId: legOf(s, 'dept:zhujian').id });
    expect(legOf(s, 'dept:zhujian').signedAt).toBeDefined();

    s = must(s, 't1', { type: 'feedback', legId: legOf(s, T1).id, result: '违建已拆除', photos: ['b.jpg'] });
    expect(s.status).toBe('checking');

    s = must(s, 'county', { type: 'check', outcome: 'pass', note: '现场核查已拆除' }, at);
    expect(s.status).toBe('closed');
    expect(s.closedAt).toBe(at);
    expect(legOf(s, T1).status).toBe('done');
    expect(legOf(s, T2).status).toBe('done');
    // 住建 never fed back: its leg ends with the case (no deadline runs on a closed case), on record without feedback.
    expect(legOf(s, 'dept:zhujian')).toMatchObject({ status: 'ended', doneAt: at });
    expect(legOf(s, 'dept:zhujian').feedback).toBeUndefined();
    expect(legsDueForSupervision(s, at + 30 * DAY, calendar)).toEqual([]);
    expect(legClockRuns(s, legOf(s, 'dept:zhujian'))).toBe(false);
  });

  it('does not let a township sign for another township’s leg, nor dispatch to departments', () => {
    const s = jointlyDispatched();
    expect(applyMove(s, { type: 'sign', legId: legOf(s, T2).id }, ACTORS.t1, at)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(applyMove(s, { type: 'sign', legId: legOf(s, T1).id }, ACTORS.county, at)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const filedT1 = must(reportedCase(), 't1', { type: 'file' });
    const toDept = { type: 'dispatch', lead: { unitCode: 'dept:gongan', dueAt: due } };
    expect(applyMove(filedT1, toDept, ACTORS.t1, at)).toMatchObject({ ok: false, code: 'forbidden' });
    const toOther = { type: 'dispatch', lead: { unitCode: V1, dueAt: due }, assists: [{ unitCode: T2, dueAt: due }] };
    expect(applyMove(filedT1, toOther, ACTORS.t1, at)).toMatchObject({ ok: false, code: 'forbidden' });
  });

  it('refuses a dispatch to the county itself, to the same unit twice, or with a deadline already past', () => {
    const s = FIXTURES.filedCounty;
    const dispatch = (lead: string, assists: string[] = [], dueAt = due) => ({
      type: 'dispatch',
      lead: { unitCode: lead, dueAt },
      assists: assists.map((unitCode) => ({ unitCode, dueAt })),
    });
    expect(applyMove(s, dispatch(COUNTY), ACTORS.county, at)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(applyMove(s, dispatch(T1, [T1]), ACTORS.county, at)).toMatchObject({ ok: false, code: 'validation_failed' });
    expect(applyMove(s, dispatch(T1, [], at - 1), ACTORS.county, at)).toMatchObject({
      ok: false,
      code: 'validation_failed',
    });
    expect(applyMove(s, dispatch('dept:nosuch'), ACTORS.county, at)).toMatchObject({
      ok: false,
      code: 'validation_failed',
    });
  });
});

describe('check and rework', () => {
  it('sends a failed check back to the lead with a reason, counts the rework, and closes on the next pass', () => {
    let s = FIXTURES.checkingCounty;
    expect(applyMove(s, { type: 'check', outcome: 'fail' }, ACTORS.county, at)).toMatchObject({
      ok: false,
      code: 'validation_failed',
      field: 'note',
    });
    s = must(s, 'county', { type: 'check', outcome: 'fail', note: '回访群众反映仍有垃圾', reworkDueAt: at + DAY }, at);
    expect(s.status).toBe('in_progress');
    expect(s.reworkCount).toBe(1);
    expect(legOf(s, T1).status).toBe('signed');
    expect(legOf(s, T1).feedback).toBeUndefined();
    expect(s.dueAt).toBe(at + DAY);
    expect(legOf(s, T1).dueAt).toBe(at + DAY);
    s = must(s, 't1', { type: 'feedback', legId: legOf(s, T1).id, result: '已彻底清理', photos: ['c.jpg'] }, at + HOUR);
    s = must(s, 'county', { type: 'check', outcome: 'pass' }, at + 2 * HOUR);
    expect(s.status).toBe('closed');
    expect(s.reworkCount).toBe(1);
  });
});

describe('small matters stay in the grid (handle on the spot)', () => {
  it('lets the grid’s worker settle it, the township check it, and records it as resolved at grid level', () => {
    let s = must(reportedCase(), 'gw', { type: 'handle_on_spot', result: '已劝离占道摊贩', photos: ['d.jpg'] }, at);
    expect(s.status).toBe('checking');
    expect(s.handlingLevel).toBe('grid');
    expect(s.filedAt).toBe(at);
    expect(s.dueAt).toBeUndefined();
    expect(s.legs).toHaveLength(1);
    expect(s.legs[0]).toMatchObject({ unitCode: GRID, role: 'lead', status: 'feedback' });
    // A failed check goes back to the same grid worker.
    s = must(s, 't1', { type: 'check', outcome: 'fail', note: '摊贩又回来了' }, at + HOUR);
    s = must(s, 'gw', { type: 'feedback', legId: s.legs[0]!.id, result: '已再次劝离', photos: [] }, at + 2 * HOUR);
    s = must(s, 't1', { type: 'check', outcome: 'pass' }, at + 3 * HOUR);
    expect(s).toMatchObject({ status: 'closed', handlingLevel: 'grid', reworkCount: 1 });
  });

  it('is refused to other grids’ workers and to serious cases', () => {
    expect(
      applyMove(reportedCase(), { type: 'handle_on_spot', result: 'x', photos: [] }, ACTORS.gwB, at),
    ).toMatchObject({ ok: false, code: 'forbidden' });
    const serious = reportedCase({ grade: 'serious' });
    expect(applyMove(serious, { type: 'handle_on_spot', result: 'x', photos: [] }, ACTORS.gw, at)).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    const gridB = reportedCase({ gridCode: GRID_B, ownerUnitCode: GRID_B });
    expect(must(gridB, 'gwB', { type: 'handle_on_spot', result: 'x', photos: [] }).status).toBe('checking');
  });
});

describe('escalate and take over', () => {
  it('escalates a township case one level up: back to filed at the county, legs withdrawn, no deadline running', () => {
    let s = FIXTURES.dispatchedT1;
    s = must(s, 't1', { type: 'sign', legId: legOf(s, V1).id });
    s = must(s, 't1', { type: 'escalate', reason: '涉及多个部门，乡镇无法协调' });
    expect(s).toMatchObject({ status: 'filed', handlingLevel: 'county', ownerUnitCode: COUNTY, raised: 'escalated' });
    expect(s.dueAt).toBeUndefined();
    expect(s.legs.every((l) => l.status === 'withdrawn')).toBe(true);
    expect(applyMove(s, { type: 'dispatch', lead: { unitCode: V1, dueAt: due } }, ACTORS.t1, at)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    s = must(s, 'county', {
      type: 'dispatch',
      lead: { unitCode: 'dept:ziran', dueAt: due },
      assists: [{ unitCode: T1, dueAt: due }],
    });
    expect(s.status).toBe('dispatched');
    expect(applyMove(s, { type: 'escalate', reason: '再升级' }, ACTORS.county, at)).toMatchObject({ ok: false });
  });

  it('lets only the county take over, after which the township no longer decides', () => {
    let s = FIXTURES.filedT1;
    expect(applyMove(s, { type: 'dispatch', lead: { unitCode: T1, dueAt: due } }, ACTORS.county, at)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(applyMove(s, { type: 'takeover' }, ACTORS.t1, at)).toMatchObject({ ok: false, code: 'forbidden' });
    expect(s.raised).toBeUndefined();
    s = must(s, 'county', { type: 'takeover', reason: '县领导批示' });
    expect(s).toMatchObject({ status: 'filed', handlingLevel: 'county', ownerUnitCode: COUNTY, raised: 'taken_over' });
    expect(applyMove(s, { type: 'dispatch', lead: { unitCode: V1, dueAt: due } }, ACTORS.t1, at)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    expect(applyMove(s, { type: 'takeover' }, ACTORS.county, at)).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
    expect(must(s, 'county', { type: 'dispatch', lead: { unitCode: T1, dueAt: due } }).status).toBe('dispatched');
  });
});

describe('returns, extensions and ledgers', () => {
  it('returning the lead sends the case back to filed and withdraws the other legs; an assist return touches only its leg', () => {
    let s = jointlyDispatched();
    const assistReturned = must(s, 't2', { type: 'return', legId: legOf(s, T2).id, reason: '不在本镇辖区' });
    expect(assistReturned.status).toBe('dispatched');
    expect(assistReturned.legs.find((l) => l.unitCode === T2)).toMatchObject({
      status: 'returned',
      returnReason: '不在本镇辖区',
    });
    s = must(s, 't1', { type: 'return', legId: legOf(s, T1).id, reason: '应由县住建局主办' });
    expect(s.status).toBe('filed');
    expect(s.dueAt).toBeUndefined();
    expect(s.legs.map((l) => l.status)).toEqual(['returned', 'withdrawn', 'withdrawn']);
    expect(must(s, 'county', { type: 'dispatch', lead: { unitCode: 'dept:zhujian', dueAt: due } }).legs).toHaveLength(
      4,
    );
  });

  it('pauses the clock while an extension is pending and moves the deadline only when approved', () => {
    const s = FIXTURES.extensionPending;
    const lead = legOf(s, T1);
    expect(s.pauses).toEqual([
      expect.objectContaining({ kind: 'extension', legId: lead.id, state: 'pending', hours: 8 }),
    ]);
    expect(
      applyMove(s, { type: 'decide_extension', legId: lead.id, decision: 'approve' }, ACTORS.county, at),
    ).toMatchObject({
      ok: false,
      field: 'dueAt',
    });
    expect(
      applyMove(s, { type: 'decide_extension', legId: lead.id, decision: 'approve', dueAt: due + DAY }, ACTORS.t1, at),
    ).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const approved = must(
      s,
      'county',
      { type: 'decide_extension', legId: lead.id, decision: 'approve', dueAt: due + DAY },
      at,
    );
    expect(approved.dueAt).toBe(due + DAY);
    expect(legOf(approved, T1).dueAt).toBe(due + DAY);
    expect(approved.pauses[0]).toMatchObject({ state: 'approved', to: at });
    const rejected = must(
      s,
      'county',
      { type: 'decide_extension', legId: lead.id, decision: 'reject', note: '理由不充分' },
      at,
    );
    expect(rejected.dueAt).toBe(due);
    expect(rejected.pauses[0]).toMatchObject({ state: 'rejected', to: at });
  });

  it('keeps an approved ledger paused until the lead feeds back', () => {
    let s = must(FIXTURES.ledgerPending, 'county', { type: 'decide_ledger', decision: 'approve' }, at);
    expect(s.pauses[0]).toMatchObject({ kind: 'ledger', state: 'approved' });
    expect(s.pauses[0]!.to).toBeUndefined();
    s = must(s, 't1', { type: 'feedback', legId: legOf(s, T1).id, result: '已纳入改造并完成', photos: [] }, at + DAY);
    expect(s.pauses[0]).toMatchObject({ state: 'approved', to: at + DAY });
  });
});

describe('supervision (督办) and evaluation', () => {
  it('records supervision against the late unit, manual by the county or automatic by the hub', () => {
    let s = FIXTURES.dispatchedCounty;
    expect(applyMove(s, { type: 'supervise', legId: legOf(s, T1).id }, ACTORS.t1, at)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    s = must(s, 'county', { type: 'supervise', legId: legOf(s, T1).id, note: '请加快办理' }, at);
    s = must(s, 'county', { type: 'supervise', legId: legOf(s, 'dept:zhujian').id, automatic: true }, at + HOUR);
    expect(s.supervisionCount).toBe(2);
    expect(s.supervisedAt).toBe(at + HOUR);
    expect(s.supervisions.map((x) => [x.unitCode, x.automatic])).toEqual([
      [T1, false],
      ['dept:zhujian', true],
    ]);
    expect(s.status).toBe('dispatched');
  });

  it('lets the reporting side rate the handling unit once the case is closed', () => {
    const s = FIXTURES.closed;
    expect(applyMove(s, { type: 'evaluate', rating: 2 }, ACTORS.t1, at)).toMatchObject({
      ok: false,
      code: 'forbidden',
    });
    const rated = must(s, 'gw', { type: 'evaluate', rating: 4, comment: '处理及时' }, at);
    expect(rated.status).toBe('evaluated');
    expect(rated.rating).toEqual({ score: 4, comment: '处理及时', byUnitCode: GRID, ratedUnitCode: T1, at });
    expect(applyMove(rated, { type: 'evaluate', rating: 5 }, ACTORS.county, at)).toMatchObject({
      ok: false,
      code: 'invalid_transition',
    });
  });

  it('marks a duplicate merged into its target, which keeps every reporter', () => {
    expect(FIXTURES.merged).toMatchObject({ status: 'merged', mergedInto: 'C0' });
    const target = [{ source: 'grid_worker' as const, reportedAt: T0, userId: 'u-gw' }];
    const duplicate = [
      { source: 'grid_worker' as const, reportedAt: T0 + HOUR, userId: 'u-gw' },
      { source: 'public' as const, reportedAt: T0 + HOUR, phone: '13800000000' },
      { source: 'hotline' as const, reportedAt: T0 + HOUR },
    ];
    expect(mergedReporters(target, duplicate).map((r) => r.source)).toEqual(['grid_worker', 'public', 'hotline']);
  });
});
