/**
 * What the hub's alerts are made of (hub/shift/hub-alerts.ts): supervision rows (督办; automatic ones mean a leg
 * went overdue) and camera grants, both durable already, and `alert_acks`, each user's acknowledgements.
 */
import type { HubDatabase } from '../db/database.js';
import { sql, sqlJoin } from '../db/sql.js';

export interface SupervisionAlertRow {
  id: number;
  case_no: string;
  unit_code: string;
  at: number;
  automatic: number;
}

/**
 * Supervisions against exactly `unitCode` since `since`, plus (`allAutomatic`, the county) every automatic one:
 * the county hears of every leg going overdue in it.
 */
export function supervisionAlertRows(
  db: HubDatabase,
  unitCode: string,
  allAutomatic: boolean,
  since: number,
  limit: number,
): SupervisionAlertRow[] {
  const select = sql`SELECT s.id, c.case_no, s.unit_code, s.at, s.automatic FROM supervisions s JOIN cases c ON c.id = s.case_id`;
  const own = sql`${select} WHERE s.unit_code = ${unitCode} AND s.at >= ${since}`;
  const query = allAutomatic ? sql`${own} UNION ${select} WHERE s.automatic = 1 AND s.at >= ${since}` : own;
  return db.all<SupervisionAlertRow>(sql`SELECT * FROM (${query}) ORDER BY at DESC, id DESC LIMIT ${limit}`);
}

/** The supervision a move just recorded (the latest of the case against that unit), for the push. */
export function latestSupervision(db: HubDatabase, caseNo: string, unitCode: string): SupervisionAlertRow | undefined {
  return db.get<SupervisionAlertRow>(sql`
    SELECT s.id, c.case_no, s.unit_code, s.at, s.automatic FROM supervisions s JOIN cases c ON c.id = s.case_id
    WHERE c.case_no = ${caseNo} AND s.unit_code = ${unitCode} ORDER BY s.id DESC LIMIT 1`);
}

export interface GrantAlertRow {
  id: string;
  camera_name: string;
  grantee_unit_code: string;
  case_id: string | null;
  granted_at: number;
  until: number;
}

/** Cameras lent to exactly `unitCode` since `since` (ended or not: the alert said it arrived). */
export function grantAlertRows(db: HubDatabase, unitCode: string, since: number, limit: number): GrantAlertRow[] {
  return db.all<GrantAlertRow>(sql`
    SELECT g.id, cam.name AS camera_name, g.grantee_unit_code, g.case_id, g.granted_at, g.until
    FROM camera_grants g JOIN cameras cam ON cam.id = g.camera_id
    WHERE g.grantee_unit_code = ${unitCode} AND g.granted_at >= ${since}
    ORDER BY g.granted_at DESC LIMIT ${limit}`);
}

export function grantAlertRow(db: HubDatabase, grantId: string): GrantAlertRow | undefined {
  return db.get<GrantAlertRow>(sql`
    SELECT g.id, cam.name AS camera_name, g.grantee_unit_code, g.case_id, g.granted_at, g.until
    FROM camera_grants g JOIN cameras cam ON cam.id = g.camera_id WHERE g.id = ${grantId}`);
}

export function acknowledgedAlertIds(db: HubDatabase, userId: string, ids: readonly string[]): Set<string> {
  if (ids.length === 0) return new Set();
  const rows = db.all<{ alert_id: string }>(sql`
    SELECT alert_id FROM alert_acks
    WHERE user_id = ${userId} AND alert_id IN (${sqlJoin(ids.map((id) => sql`${id}`))})`);
  return new Set(rows.map((r) => r.alert_id));
}

/** Acknowledging twice keeps the first time. */
export function acknowledgeAlerts(db: HubDatabase, userId: string, ids: readonly string[], at: number): void {
  for (const id of ids) {
    db.run(sql`INSERT OR IGNORE INTO alert_acks (user_id, alert_id, acknowledged_at) VALUES (${userId}, ${id}, ${at})`);
  }
}
