/** The `reference_versions` and `calendar_years` tables (migration 0015). */
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

export interface ReferenceVersionRow {
  version: number;
  effective_from: number;
  created_at: number;
  created_by: string | null;
  reason: string;
  taxonomy: string;
  deadlines: string;
}

export function listReferenceVersionRows(db: HubDatabase): ReferenceVersionRow[] {
  return db.all<ReferenceVersionRow>(sql`
    SELECT version, effective_from, created_at, created_by, reason, taxonomy, deadlines
    FROM reference_versions ORDER BY version`);
}

export function insertReferenceVersion(db: HubDatabase, row: ReferenceVersionRow): void {
  db.run(sql`
    INSERT INTO reference_versions (version, effective_from, created_at, created_by, reason, taxonomy, deadlines)
    VALUES (${row.version}, ${row.effective_from}, ${row.created_at}, ${row.created_by}, ${row.reason},
            ${row.taxonomy}, ${row.deadlines})`);
}

/** Every minor category some case (of any version, any status) is filed under. */
export function usedCategoryCodes(db: HubDatabase): string[] {
  return db.all<{ code: string }>(sql`SELECT DISTINCT category_code AS code FROM cases`).map((r) => r.code);
}

export interface CalendarYearRow {
  year: number;
  holidays: string;
  makeup_workdays: string;
  imported_at: number;
  imported_by: string;
  note: string | null;
}

export function listCalendarYearRows(db: HubDatabase): CalendarYearRow[] {
  return db.all<CalendarYearRow>(sql`
    SELECT year, holidays, makeup_workdays, imported_at, imported_by, note FROM calendar_years ORDER BY year`);
}

/** An import replaces that year's earlier import (the package's year stays underneath, unused while overridden). */
export function upsertCalendarYear(db: HubDatabase, row: CalendarYearRow): void {
  db.run(sql`
    INSERT INTO calendar_years (year, holidays, makeup_workdays, imported_at, imported_by, note)
    VALUES (${row.year}, ${row.holidays}, ${row.makeup_workdays}, ${row.imported_at}, ${row.imported_by}, ${row.note})
    ON CONFLICT (year) DO UPDATE SET holidays = excluded.holidays, makeup_workdays = excluded.makeup_workdays,
      imported_at = excluded.imported_at, imported_by = excluded.imported_by, note = excluded.note`);
}
