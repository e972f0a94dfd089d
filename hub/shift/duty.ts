/**
 * The duty roster and shift handovers of a command room (issue 15 §4); rules in common/duty-policy.ts.
 *
 * A room has one officer on duty at a time, so a shift overlapping another of the same room is refused
 * (`duty_overlap`). A handover freezes, at the moment it is written, the open serious cases and the overdue ones of
 * the room's scope (the board's holder rule, cut in SQL); the incoming officer — anyone of the room's duty staff
 * but the writer — acknowledges it once.
 */
import { randomUUID } from 'node:crypto';
import { isDutyRoom, isDutyStaff, mayEditRoster, mayReadDuty } from '../../common/duty-policy.js';
import { GridCommandError } from '../../common/errors.js';
import { levelOfCode } from '../../common/org.js';
import type { Principal } from '../../common/scope-policy.js';
import {
  MAX_HANDOVER_CASES,
  type DutyRoster,
  type DutyShift,
  type Handover,
  type HandoverSummary,
  type OnDutyNow,
} from '../../common/shift-schemas.js';
import type { HubContext } from '../hub-context.js';
import {
  getShift,
  insertShift,
  listShifts,
  nextShift,
  overlappingShift,
  removeShift,
  roomStaff,
  shiftAt,
  unitName,
  type ShiftRow,
} from './duty-store.js';
import {
  acknowledgeHandover,
  getHandover,
  handoverCases,
  insertHandover,
  openSeriousOrOverdue,
  searchHandovers,
  type HandoverRow,
} from './handover-store.js';

type Person = Principal & { id: string };
/** Roles that stand on a roster and write handovers (duty-policy.ts's staff). */
const STAFF_ROLES = ['county_duty_officer', 'township_director', 'wall_operator'] as const;

const notFound = (what: string) => new GridCommandError('not_found', `no such ${what} in your room`);

function toShift(row: ShiftRow): DutyShift {
  return {
    id: row.id,
    roomCode: row.room_code,
    officer: { userId: row.user_id, displayName: row.officer_name },
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    note: row.note,
    createdBy: { userId: row.created_by, displayName: row.created_by_name },
    createdAt: row.created_at,
  };
}

/** The room asked for, or the caller's own; another room only within the caller's scope (a county user's). */
function readableRoom(user: Principal, room: string | undefined): string {
  const code = room ?? user.orgUnitCode;
  // Out of scope or not a room answers like a missing room: other townships cannot be probed.
  if (!mayReadDuty(user, code)) {
    throw new GridCommandError(
      room && isDutyRoom(user.orgUnitCode) ? 'not_found' : 'forbidden',
      room ? 'no such command room in your scope' : 'your unit has no command room',
      'room',
    );
  }
  return code;
}

export function roster(hub: HubContext, user: Person, q: { from: number; to: number; room?: string }): DutyRoster {
  const room = readableRoom(user, q.room);
  return {
    roomCode: room,
    roomName: unitName(hub.db, room) ?? room,
    editable: room === user.orgUnitCode && mayEditRoster(user),
    shifts: listShifts(hub.db, room, q.from, q.to).map(toShift),
    officers: roomStaff(hub.db, room, STAFF_ROLES).map((u) => ({ userId: u.id, displayName: u.display_name })),
  };
}

export function addShift(
  hub: HubContext,
  user: Person,
  input: { officerUserId: string; startsAt: number; endsAt: number; note: string },
): DutyShift {
  if (!mayEditRoster(user)) throw new GridCommandError('forbidden', 'only the room’s director edits its roster');
  const room = user.orgUnitCode;
  const officer = roomStaff(hub.db, room, STAFF_ROLES).find((u) => u.id === input.officerUserId);
  if (!officer) {
    throw new GridCommandError('validation_failed', 'the officer must be duty staff of your room', 'officerUserId');
  }
  const clash = overlappingShift(hub.db, room, input.startsAt, input.endsAt);
  if (clash) {
    throw new GridCommandError('duty_overlap', 'the shift overlaps one already on the roster', 'startsAt', undefined, {
      shiftId: clash.id,
      from: new Date(clash.starts_at).toISOString(),
      to: new Date(clash.ends_at).toISOString(),
    });
  }
  const id = randomUUID();
  insertShift(hub.db, { id, roomCode: room, userId: officer.id, ...input, by: user.id, at: hub.now() });
  return toShift(getShift(hub.db, id)!);
}

export function dropShift(hub: HubContext, user: Person, id: string): void {
  if (!mayEditRoster(user)) throw new GridCommandError('forbidden', 'only the room’s director edits its roster');
  if (!removeShift(hub.db, user.orgUnitCode, id, user.id, hub.now())) throw notFound('shift');
}

export function onDutyNow(hub: HubContext, user: Person): OnDutyNow {
  const room = readableRoom(user, undefined);
  const now = hub.now();
  const current = shiftAt(hub.db, room, now);
  const next = nextShift(hub.db, room, now);
  return { roomCode: room, shift: current ? toShift(current) : null, next: next ? toShift(next) : null };
}

function toSummary(row: HandoverRow): HandoverSummary {
  return {
    id: row.id,
    roomCode: row.room_code,
    writtenBy: { userId: row.written_by, displayName: row.written_by_name },
    writtenAt: row.written_at,
    shiftId: row.shift_id,
    note: row.note,
    acknowledgedBy:
      row.acknowledged_by === null
        ? null
        : { userId: row.acknowledged_by, displayName: row.acknowledged_by_name ?? '' },
    acknowledgedAt: row.acknowledged_at,
    truncated: row.truncated === 1,
    caseCount: row.case_count,
  };
}

function toHandover(hub: HubContext, row: HandoverRow): Handover {
  const { caseCount: _count, ...summary } = toSummary(row);
  return {
    ...summary,
    cases: handoverCases(hub.db, row.id).map((c) => ({
      caseId: c.case_no,
      status: c.status as Handover['cases'][number]['status'],
      grade: c.grade as Handover['cases'][number]['grade'],
      categoryCode: c.category_code,
      dueAt: c.due_at,
      overdue: c.overdue === 1,
      serious: c.serious === 1,
    })),
  };
}

export function writeHandover(hub: HubContext, user: Person, note: string): Handover {
  if (!isDutyStaff(user)) throw new GridCommandError('forbidden', 'only the room’s duty staff hand over');
  const room = user.orgUnitCode;
  const now = hub.now();
  const open = openSeriousOrOverdue(hub.db, room, now, MAX_HANDOVER_CASES);
  const own = shiftAt(hub.db, room, now);
  const id = randomUUID();
  insertHandover(hub.db, {
    id,
    roomCode: room,
    by: user.id,
    at: now,
    shiftId: own && own.user_id === user.id ? own.id : null,
    note,
    truncated: open.length > MAX_HANDOVER_CASES,
    cases: open.slice(0, MAX_HANDOVER_CASES),
  });
  return toHandover(hub, getHandover(hub.db, id)!);
}

/** A handover of a room the user may read; another township's answers like a missing one. */
export function readHandover(hub: HubContext, user: Person, id: string): Handover {
  const row = getHandover(hub.db, id);
  if (!row || !mayReadDuty(user, row.room_code)) throw notFound('handover');
  return toHandover(hub, row);
}

export function acknowledge(hub: HubContext, user: Person, id: string): Handover {
  const row = getHandover(hub.db, id);
  if (!row || !mayReadDuty(user, row.room_code)) throw notFound('handover');
  if (row.room_code !== user.orgUnitCode || !isDutyStaff(user)) {
    throw new GridCommandError('forbidden', 'only the room’s incoming officer acknowledges its handover');
  }
  if (row.written_by === user.id) throw new GridCommandError('own_handover', 'the incoming officer acknowledges');
  if (!acknowledgeHandover(hub.db, id, user.id, hub.now())) {
    throw new GridCommandError('handover_acknowledged', 'this handover has already been acknowledged');
  }
  return toHandover(hub, getHandover(hub.db, id)!);
}

export function findHandovers(
  hub: HubContext,
  user: Person,
  q: { from?: number; to?: number; officer?: string; text?: string; room?: string; limit: number },
): HandoverSummary[] {
  // Without a room: the caller's own room, or for a county user every room of the county (its scope).
  const room = readableRoom(user, q.room);
  const everyRoom = !q.room && levelOfCode(room) === 'county';
  return searchHandovers(hub.db, {
    room: everyRoom ? null : room,
    scopeCode: user.orgUnitCode,
    ...(q.from !== undefined ? { from: q.from } : {}),
    ...(q.to !== undefined ? { to: q.to } : {}),
    ...(q.officer ? { officer: q.officer } : {}),
    ...(q.text ? { text: q.text } : {}),
    limit: q.limit,
  }).map(toSummary);
}
