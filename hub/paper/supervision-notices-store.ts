/** The `supervisions` of a case and the numbers of their 督办单 (migration 0022). */
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

export interface SupervisionRecord {
  readonly id: number;
  readonly unitCode: string;
  readonly at: number;
  readonly automatic: boolean;
  readonly note: string | null;
}

export interface NoticeNumber {
  readonly countyCode: string;
  readonly year: number;
  readonly seq: number;
  readonly issuedAt: number;
  readonly issuedBy: string;
}

/** The case's supervisions, oldest first (the order the 1-based `supervision` query counts in). */
export function caseSupervisions(db: HubDatabase, caseNo: string): SupervisionRecord[] {
  return db
    .all<{ id: number; unit_code: string; at: number; automatic: number; note: string | null }>(
      sql`
      SELECT s.id, s.unit_code, s.at, s.automatic, s.note
      FROM supervisions s JOIN cases c ON c.id = s.case_id
      WHERE c.case_no = ${caseNo}
      ORDER BY s.at, s.id`,
    )
    .map((r) => ({ id: r.id, unitCode: r.unit_code, at: r.at, automatic: r.automatic === 1, note: r.note }));
}

export function noticeNumberOf(db: HubDatabase, supervisionId: number): NoticeNumber | undefined {
  const row = db.get<{ county_code: string; year: number; seq: number; issued_at: number; issued_by: string }>(
    sql`SELECT county_code, year, seq, issued_at, issued_by FROM supervision_notices WHERE supervision_id = ${supervisionId}`,
  );
  return (
    row && {
      countyCode: row.county_code,
      year: row.year,
      seq: row.seq,
      issuedAt: row.issued_at,
      issuedBy: row.issued_by,
    }
  );
}

/**
 * Takes the next number of the county's year and binds it to the supervision. Runs inside the caller's transaction;
 * the caller has checked that the supervision has no number yet (the primary key refuses a second one anyway).
 */
export function allocateNoticeNumber(
  db: HubDatabase,
  entry: { supervisionId: number; countyCode: string; year: number; at: number; by: string },
): NoticeNumber {
  const { seq } = db.get<{ seq: number }>(sql`
    INSERT INTO supervision_notice_counters (county_code, year, last_seq) VALUES (${entry.countyCode}, ${entry.year}, 1)
    ON CONFLICT (county_code, year) DO UPDATE SET last_seq = last_seq + 1
    RETURNING last_seq AS seq`)!;
  db.run(sql`
    INSERT INTO supervision_notices (supervision_id, county_code, year, seq, issued_at, issued_by)
    VALUES (${entry.supervisionId}, ${entry.countyCode}, ${entry.year}, ${seq}, ${entry.at}, ${entry.by})`);
  return { countyCode: entry.countyCode, year: entry.year, seq, issuedAt: entry.at, issuedBy: entry.by };
}
