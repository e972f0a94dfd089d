/**
 * SQL of the administration view's recording policies (migrations 0028, 0029): the rows with the names of what they
 * are for, one row by target, removal, and the explanation of which row applies to one camera. The recorder's own
 * reads (effectivePolicies, setPolicy) stay in recording-store.ts.
 */
import type { PolicyTarget, RecordingPolicyRow } from '../../common/recording-policy-schemas.js';
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';
import type { RecordingMode } from './recording-store.js';

interface Row {
  camera_id: string | null;
  unit_code: string | null;
  name: string;
  code: string;
  mode: RecordingMode;
  pre_seconds: number;
  post_seconds: number;
  updated_at: number;
  updated_by: string | null;
}

const toRow = (r: Row): RecordingPolicyRow => ({
  target: r.camera_id !== null ? { kind: 'camera', cameraId: r.camera_id } : { kind: 'unit', unitCode: r.unit_code! },
  name: r.name,
  code: r.code,
  mode: r.mode,
  preSeconds: r.pre_seconds,
  postSeconds: r.post_seconds,
  updatedAt: new Date(r.updated_at).toISOString(),
  updatedBy: r.updated_by,
});

const ROWS = sql`
  SELECT p.camera_id, p.unit_code, coalesce(c.name, o.name) AS name, coalesce(c.code, o.code) AS code,
    p.mode, p.pre_seconds, p.post_seconds, p.updated_at, p.updated_by
  FROM recording_policies p
  LEFT JOIN cameras c ON c.id = p.camera_id
  LEFT JOIN org_units o ON o.code = p.unit_code`;

/** Unit rows first (by code: the tree's order), then camera rows by code. */
export function listPolicyRows(db: HubDatabase): RecordingPolicyRow[] {
  return db.all<Row>(sql`${ROWS} ORDER BY p.camera_id IS NOT NULL, code`).map(toRow);
}

export function policyRowOf(db: HubDatabase, target: PolicyTarget): RecordingPolicyRow | undefined {
  const row =
    target.kind === 'camera'
      ? db.get<Row>(sql`${ROWS} WHERE p.camera_id = ${target.cameraId}`)
      : db.get<Row>(sql`${ROWS} WHERE p.unit_code = ${target.unitCode}`);
  return row && toRow(row);
}

/** Removes the target's row; answers whether there was one. */
export function removePolicyRow(db: HubDatabase, target: PolicyTarget): boolean {
  const cameraId = target.kind === 'camera' ? target.cameraId : null;
  const unitCode = target.kind === 'unit' ? target.unitCode : null;
  return (
    db.run(sql`DELETE FROM recording_policies WHERE camera_id IS ${cameraId} AND unit_code IS ${unitCode}`).changes > 0
  );
}

export interface PolicyCamera {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly retired: boolean;
}

export function policyCamera(db: HubDatabase, cameraId: string): PolicyCamera | undefined {
  const row = db.get<{ id: string; code: string; name: string; retired_at: number | null }>(
    sql`SELECT id, code, name, retired_at FROM cameras WHERE id = ${cameraId}`,
  );
  return row && { id: row.id, code: row.code, name: row.name, retired: row.retired_at !== null };
}

export function unitExists(db: HubDatabase, code: string): boolean {
  return db.get(sql`SELECT 1 AS one FROM org_units WHERE code = ${code}`) !== undefined;
}

export interface PolicySource {
  readonly source: 'camera' | 'unit';
  readonly unit: { code: string; name: string } | null;
  readonly mode: RecordingMode;
  readonly preSeconds: number;
  readonly postSeconds: number;
}

/** The row that applies to a camera (its own, else its nearest unit's, walking up the tree), or undefined: none. */
export function explainPolicy(db: HubDatabase, cameraId: string): PolicySource | undefined {
  const row = db.get<{
    unit_code: string | null;
    unit_name: string | null;
    mode: RecordingMode;
    pre_seconds: number;
    post_seconds: number;
  }>(sql`
    WITH RECURSIVE up (unit_code, depth) AS (
      SELECT org_unit_code, 1 FROM cameras WHERE id = ${cameraId}
      UNION ALL
      SELECT o.parent_code, up.depth + 1 FROM up JOIN org_units o ON o.code = up.unit_code
      WHERE o.parent_code IS NOT NULL
    ),
    candidates AS (
      SELECT 0 AS depth, NULL AS unit_code, mode, pre_seconds, post_seconds
        FROM recording_policies WHERE camera_id = ${cameraId}
      UNION ALL
      SELECT up.depth, up.unit_code, p.mode, p.pre_seconds, p.post_seconds
        FROM up JOIN recording_policies p ON p.unit_code = up.unit_code
    )
    SELECT c.unit_code, o.name AS unit_name, c.mode, c.pre_seconds, c.post_seconds
    FROM candidates c LEFT JOIN org_units o ON o.code = c.unit_code
    ORDER BY c.depth LIMIT 1`);
  if (!row) return undefined;
  return {
    source: row.unit_code === null ? 'camera' : 'unit',
    unit: row.unit_code === null ? null : { code: row.unit_code, name: row.unit_name ?? row.unit_code },
    mode: row.mode,
    preSeconds: row.pre_seconds,
    postSeconds: row.post_seconds,
  };
}

/** Names of cameras by id (the capped ones the view lists). */
export function cameraNames(db: HubDatabase, ids: readonly string[]): Map<string, string> {
  if (ids.length === 0) return new Map();
  const rows = db.all<{ id: string; name: string }>(
    sql`SELECT id, name FROM cameras WHERE id IN (SELECT value FROM json_each(${JSON.stringify(ids)}))`,
  );
  return new Map(rows.map((r) => [r.id, r.name]));
}
