/** The `duty_shifts` table: a command room's roster. Removed shifts stay, marked removed. */
import type { HubDatabase } from '../db/database.js';
import { sql, sqlJoin } from '../db/sql.js';

export interface ShiftRow {
  id: string;
  room_code: string;
  user_id: string;
  officer_name: string;
  starts_at: number;
  ends_at: number;
  note: string;
  created_by: string;
  created_by_name: string;
  created_at: number;
}

const SELECT_SHIFT = sql`
  SELECT s.id, s.room_code, s.user_id, o.display_name AS officer_name, s.starts_at, s.ends_at, s.note,
         s.created_by, c.display_name AS created_by_name, s.created_at
  FROM duty_shifts s JOIN users o ON o.id = s.user_id JOIN users c ON c.id = s.created_by`;

/** Live shifts of the room overlapping [from, to), by start. */
export function listShifts(db: HubDatabase, roomCode: string, from: number, to: number): ShiftRow[] {
  return db.all<ShiftRow>(sql`${SELECT_SHIFT}
    WHERE s.room_code = ${roomCode} AND s.removed_at IS NULL AND s.starts_at < ${to} AND s.ends_at > ${from}
    ORDER BY s.starts_at`);
}

/** A live shift of the room that overlaps [startsAt, endsAt), if any (a room has one officer on duty at a time). */
export function overlappingShift(db: HubDatabase, roomCode: string, startsAt: number, endsAt: number) {
  return db.get<{ id: string; starts_at: number; ends_at: number }>(sql`
    SELECT id, starts_at, ends_at FROM duty_shifts
    WHERE room_code = ${roomCode} AND removed_at IS NULL AND starts_at < ${endsAt} AND ends_at > ${startsAt}
    ORDER BY starts_at LIMIT 1`);
}

export interface NewShift {
  readonly id: string;
  readonly roomCode: string;
  readonly userId: string;
  readonly startsAt: number;
  readonly endsAt: number;
  readonly note: string;
  readonly by: string;
  readonly at: number;
}

export function insertShift(db: HubDatabase, s: NewShift): void {
  db.run(sql`
    INSERT INTO duty_shifts (id, room_code, user_id, starts_at, ends_at, note, created_by, created_at)
    VALUES (${s.id}, ${s.roomCode}, ${s.userId}, ${s.startsAt}, ${s.endsAt}, ${s.note}, ${s.by}, ${s.at})`);
}

export function getShift(db: HubDatabase, id: string): ShiftRow | undefined {
  return db.get<ShiftRow>(sql`${SELECT_SHIFT} WHERE s.id = ${id} AND s.removed_at IS NULL`);
}

/** Marks a live shift of this room removed; false when there is none (another room's id looks the same). */
export function removeShift(db: HubDatabase, roomCode: string, id: string, by: string, at: number): boolean {
  return (
    db.run(sql`
      UPDATE duty_shifts SET removed_at = ${at}, removed_by = ${by}
      WHERE id = ${id} AND room_code = ${roomCode} AND removed_at IS NULL`).changes > 0
  );
}

/** The room's shift running at `at`. */
export function shiftAt(db: HubDatabase, roomCode: string, at: number): ShiftRow | undefined {
  return db.get<ShiftRow>(sql`${SELECT_SHIFT}
    WHERE s.room_code = ${roomCode} AND s.removed_at IS NULL AND s.starts_at <= ${at} AND s.ends_at > ${at}
    ORDER BY s.starts_at DESC LIMIT 1`);
}

/** The room's first shift starting after `at`. */
export function nextShift(db: HubDatabase, roomCode: string, at: number): ShiftRow | undefined {
  return db.get<ShiftRow>(sql`${SELECT_SHIFT}
    WHERE s.room_code = ${roomCode} AND s.removed_at IS NULL AND s.starts_at > ${at} ORDER BY s.starts_at LIMIT 1`);
}

/** The room's enabled users of the given roles: who may stand on its roster. */
export function roomStaff(
  db: HubDatabase,
  roomCode: string,
  roles: readonly string[],
): Array<{ id: string; display_name: string }> {
  return db.all(sql`
    SELECT id, display_name FROM users
    WHERE org_unit_code = ${roomCode} AND disabled = 0 AND role IN (${sqlJoin(roles.map((r) => sql`${r}`))})
    ORDER BY display_name, id`);
}

export function unitName(db: HubDatabase, code: string): string | undefined {
  return db.get<{ name: string }>(sql`SELECT name FROM org_units WHERE code = ${code}`)?.name;
}
