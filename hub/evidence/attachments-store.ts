/** The `case_attachments` table (migration 0017): SQL only here. */
import Database from 'better-sqlite3';
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

export interface AttachmentRow {
  id: string;
  case_id: number;
  kind: string;
  file_name: string;
  mime: string;
  bytes: number;
  sha256: string;
  source_sha256: string;
  thumb_sha256: string | null;
  width: number | null;
  height: number | null;
  duration_ms: number | null;
  gps_lon: number | null;
  gps_lat: number | null;
  camera_id: string | null;
  captured_at: number | null;
  uploaded_by: string;
  uploaded_by_name: string | null;
  uploaded_at: number;
  /** The case's number: its id everywhere outside the database. */
  case_no: string;
}

const SELECT_ATTACHMENT = sql`
  SELECT a.*, u.display_name AS uploaded_by_name, c.case_no
  FROM case_attachments a JOIN cases c ON c.id = a.case_id LEFT JOIN users u ON u.id = a.uploaded_by`;

/** The database row id of a case number (attachments reference the row). */
export function caseRowId(db: HubDatabase, caseNo: string): number | undefined {
  return db.get<{ id: number }>(sql`SELECT id FROM cases WHERE case_no = ${caseNo}`)?.id;
}

export function attachmentRowsOfCase(db: HubDatabase, caseId: number): AttachmentRow[] {
  return db.all<AttachmentRow>(sql`${SELECT_ATTACHMENT} WHERE a.case_id = ${caseId} ORDER BY a.uploaded_at, a.id`);
}

export function attachmentRow(db: HubDatabase, id: string): AttachmentRow | undefined {
  return db.get<AttachmentRow>(sql`${SELECT_ATTACHMENT} WHERE a.id = ${id}`);
}

export function attachmentRowBySource(
  db: HubDatabase,
  caseId: number,
  sourceSha256: string,
): AttachmentRow | undefined {
  return db.get<AttachmentRow>(
    sql`${SELECT_ATTACHMENT} WHERE a.case_id = ${caseId} AND a.source_sha256 = ${sourceSha256}`,
  );
}

/** Any earlier upload of the same bytes (on any case): its stored file and facts are reused as they are. */
export function storedFromSource(db: HubDatabase, sourceSha256: string): AttachmentRow | undefined {
  return db.get<AttachmentRow>(sql`${SELECT_ATTACHMENT} WHERE a.source_sha256 = ${sourceSha256} LIMIT 1`);
}

export function countAttachments(db: HubDatabase, caseId: number): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM case_attachments WHERE case_id = ${caseId}`)?.n ?? 0;
}

/** Every stored file a row names (content and thumbnails): what the start-up sweep keeps. */
export function referencedHashes(db: HubDatabase): Set<string> {
  const rows = db.all<{ h: string }>(sql`
    SELECT sha256 AS h FROM case_attachments
    UNION SELECT thumb_sha256 AS h FROM case_attachments WHERE thumb_sha256 IS NOT NULL`);
  return new Set(rows.map((r) => r.h));
}

export type NewAttachmentRow = Omit<AttachmentRow, 'uploaded_by_name' | 'case_no'>;

export function insertAttachment(db: HubDatabase, r: NewAttachmentRow): void {
  db.run(sql`
    INSERT INTO case_attachments (id, case_id, kind, file_name, mime, bytes, sha256, source_sha256, thumb_sha256,
      width, height, duration_ms, gps_lon, gps_lat, camera_id, captured_at, uploaded_by, uploaded_at)
    VALUES (${r.id}, ${r.case_id}, ${r.kind}, ${r.file_name}, ${r.mime}, ${r.bytes}, ${r.sha256}, ${r.source_sha256},
      ${r.thumb_sha256}, ${r.width}, ${r.height}, ${r.duration_ms}, ${r.gps_lon}, ${r.gps_lat}, ${r.camera_id},
      ${r.captured_at}, ${r.uploaded_by}, ${r.uploaded_at})`);
}

/** Every stored file a hub database file names (none before migration 0017): what a backup or restore copies. */
export function hashesNamedBy(dbFile: string, nativeBinding?: string): string[] {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true, ...(nativeBinding ? { nativeBinding } : {}) });
  try {
    const table = db.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'case_attachments'`).get();
    if (!table) return [];
    const rows = db
      .prepare(
        `SELECT sha256 AS h FROM case_attachments
         UNION SELECT thumb_sha256 AS h FROM case_attachments WHERE thumb_sha256 IS NOT NULL`,
      )
      .all() as Array<{ h: string }>;
    return rows.map((r) => r.h);
  } finally {
    db.close();
  }
}
