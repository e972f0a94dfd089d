import type { Camera } from '../../common/schemas.js';
import type { HubDatabase } from '../db/database.js';
import { inSubtree, sql } from '../db/sql.js';

export interface CameraRecord extends Camera {
  readonly mainStream: string;
  readonly subStream: string;
}

interface CameraRow {
  id: string;
  code: string;
  name: string;
  kind: 'fixed' | 'ptz';
  org_unit_code: string;
  lon: number;
  lat: number;
  sensitive: number;
  online: number;
}

const toCamera = (row: CameraRow): Camera => ({
  id: row.id,
  code: row.code,
  name: row.name,
  kind: row.kind,
  orgUnitCode: row.org_unit_code,
  position: [row.lon, row.lat],
  sensitive: row.sensitive === 1,
  online: row.online === 1,
});

export function insertCameras(db: HubDatabase, cameras: readonly CameraRecord[]): void {
  db.transaction(() => {
    for (const c of cameras) {
      db.run(sql`
        INSERT INTO cameras (id, code, name, kind, org_unit_code, lon, lat, sensitive, online, main_stream, sub_stream)
        VALUES (${c.id}, ${c.code}, ${c.name}, ${c.kind}, ${c.orgUnitCode}, ${c.position[0]}, ${c.position[1]},
                ${c.sensitive ? 1 : 0}, ${c.online ? 1 : 0}, ${c.mainStream}, ${c.subStream})`);
    }
  });
}

/** Cameras standing in the subtree of `scopeCode`, without their stream sources; retired ones are gone from here. */
export function listCamerasInScope(db: HubDatabase, scopeCode: string): Camera[] {
  return db
    .all<CameraRow>(
      sql`
      SELECT id, code, name, kind, org_unit_code, lon, lat, sensitive, online
      FROM cameras WHERE ${inSubtree(sql`org_unit_code`, scopeCode)} AND retired_at IS NULL ORDER BY code`,
    )
    .map(toCamera);
}

/** A camera in service: a retired one is unknown to streams, grants and status alike. */
export function getCamera(db: HubDatabase, id: string): Camera | undefined {
  const row = db.get<CameraRow>(sql`
    SELECT id, code, name, kind, org_unit_code, lon, lat, sensitive, online FROM cameras
    WHERE id = ${id} AND retired_at IS NULL`);
  return row && toCamera(row);
}

/** Returns true when the status actually changed. */
export function setCameraOnline(db: HubDatabase, id: string, online: boolean): boolean {
  return (
    db.run(sql`UPDATE cameras SET online = ${online ? 1 : 0} WHERE id = ${id} AND online != ${online ? 1 : 0}`)
      .changes === 1
  );
}
