/** The `wall_layouts` table: named wall layouts per command room (the room is an org unit). */
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

export interface LayoutRow {
  id: string;
  unit_code: string;
  name: string;
  kind: string;
  spec: string;
  updated_at: number;
  updated_by_name: string | null;
}

const SELECT_LAYOUT = sql`
  SELECT l.id, l.unit_code, l.name, l.kind, l.spec, l.updated_at, u.display_name AS updated_by_name
  FROM wall_layouts l LEFT JOIN users u ON u.id = l.updated_by`;

export function listLayoutRows(db: HubDatabase, unitCode: string): LayoutRow[] {
  return db.all<LayoutRow>(sql`${SELECT_LAYOUT} WHERE l.unit_code = ${unitCode} ORDER BY l.name`);
}

export function getLayoutRowByName(db: HubDatabase, unitCode: string, name: string): LayoutRow | undefined {
  return db.get<LayoutRow>(sql`${SELECT_LAYOUT} WHERE l.unit_code = ${unitCode} AND l.name = ${name}`);
}

export function layoutIdByName(db: HubDatabase, unitCode: string, name: string): string | undefined {
  return db.get<{ id: string }>(sql`SELECT id FROM wall_layouts WHERE unit_code = ${unitCode} AND name = ${name}`)?.id;
}

export function countLayouts(db: HubDatabase, unitCode: string): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM wall_layouts WHERE unit_code = ${unitCode}`)?.n ?? 0;
}

export interface LayoutWrite {
  readonly kind: string;
  readonly specJson: string;
  readonly userId: string;
  readonly at: number;
}

export function updateLayout(db: HubDatabase, id: string, w: LayoutWrite): void {
  db.run(sql`
    UPDATE wall_layouts SET kind = ${w.kind}, spec = ${w.specJson}, updated_by = ${w.userId}, updated_at = ${w.at}
    WHERE id = ${id}`);
}

export function insertLayout(db: HubDatabase, id: string, unitCode: string, name: string, w: LayoutWrite): void {
  db.run(sql`
    INSERT INTO wall_layouts (id, unit_code, name, kind, spec, created_by, created_at, updated_by, updated_at)
    VALUES (${id}, ${unitCode}, ${name}, ${w.kind}, ${w.specJson}, ${w.userId}, ${w.at}, ${w.userId}, ${w.at})`);
}

/** Deletes a layout of this room only; false when there is none (another room's id looks the same). */
export function deleteLayout(db: HubDatabase, unitCode: string, id: string): boolean {
  return db.run(sql`DELETE FROM wall_layouts WHERE id = ${id} AND unit_code = ${unitCode}`).changes > 0;
}
