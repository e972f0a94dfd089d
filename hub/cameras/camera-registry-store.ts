/**
 * SQL of the camera registry (migration 0014): every camera including retired ones, with stream URLs — for the
 * hub's own use; answers mask the URLs (camera-registry.ts).
 */
import type { CameraHealth } from '../../common/county-import.js';
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

export interface RegistryCamera {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly unitCode: string;
  readonly lon: number;
  readonly lat: number;
  readonly mainUrl: string;
  readonly subUrl: string;
  readonly sensitive: boolean;
  readonly ptz: boolean;
  readonly online: boolean;
  readonly retiredAt: number | null;
  readonly health: CameraHealth | null;
}

interface Row {
  id: string;
  code: string;
  name: string;
  kind: 'fixed' | 'ptz';
  org_unit_code: string;
  lon: number;
  lat: number;
  main_stream: string;
  sub_stream: string;
  sensitive: number;
  online: number;
  retired_at: number | null;
  probed_at: number | null;
  probe_ok: number | null;
  probe_detail: string | null;
}

const toCamera = (r: Row): RegistryCamera => ({
  id: r.id,
  code: r.code,
  name: r.name,
  unitCode: r.org_unit_code,
  lon: r.lon,
  lat: r.lat,
  mainUrl: r.main_stream,
  subUrl: r.sub_stream,
  sensitive: r.sensitive === 1,
  ptz: r.kind === 'ptz',
  online: r.online === 1,
  retiredAt: r.retired_at,
  health:
    r.probed_at === null
      ? null
      : { probedAt: r.probed_at, ok: r.probe_ok === 1, ...(JSON.parse(r.probe_detail ?? '{}') as object) },
});

const COLUMNS = sql`id, code, name, kind, org_unit_code, lon, lat, main_stream, sub_stream, sensitive, online,
  retired_at, probed_at, probe_ok, probe_detail`;

export function listRegistryCameras(db: HubDatabase): RegistryCamera[] {
  return db.all<Row>(sql`SELECT ${COLUMNS} FROM cameras ORDER BY code`).map(toCamera);
}

export function getRegistryCamera(db: HubDatabase, id: string): RegistryCamera | undefined {
  const row = db.get<Row>(sql`SELECT ${COLUMNS} FROM cameras WHERE id = ${id}`);
  return row && toCamera(row);
}

export function registryCamerasByCode(db: HubDatabase): Map<string, RegistryCamera> {
  return new Map(listRegistryCameras(db).map((c) => [c.code, c]));
}

export type CameraWrite = Omit<RegistryCamera, 'online' | 'retiredAt' | 'health'>;

export function insertRegistryCamera(db: HubDatabase, c: CameraWrite): void {
  db.run(sql`
    INSERT INTO cameras (id, code, name, kind, org_unit_code, lon, lat, sensitive, online, main_stream, sub_stream)
    VALUES (${c.id}, ${c.code}, ${c.name}, ${c.ptz ? 'ptz' : 'fixed'}, ${c.unitCode}, ${c.lon}, ${c.lat},
            ${c.sensitive ? 1 : 0}, 1, ${c.mainUrl}, ${c.subUrl})`);
}

/** By id; the code may change on an edit (a mistyped code is corrected, the camera's history stays). */
export function updateRegistryCamera(db: HubDatabase, c: CameraWrite): void {
  db.run(sql`
    UPDATE cameras SET code = ${c.code}, name = ${c.name}, kind = ${c.ptz ? 'ptz' : 'fixed'},
      org_unit_code = ${c.unitCode}, lon = ${c.lon}, lat = ${c.lat}, sensitive = ${c.sensitive ? 1 : 0},
      main_stream = ${c.mainUrl}, sub_stream = ${c.subUrl}
    WHERE id = ${c.id}`);
}

/** Returns false when the camera was already retired (or does not exist). */
export function retireCamera(db: HubDatabase, id: string, at: number): boolean {
  return db.run(sql`UPDATE cameras SET retired_at = ${at} WHERE id = ${id} AND retired_at IS NULL`).changes === 1;
}

export function recordProbe(db: HubDatabase, id: string, health: CameraHealth): void {
  const { probedAt, ok, ...detail } = health;
  db.run(sql`
    UPDATE cameras SET probed_at = ${probedAt}, probe_ok = ${ok ? 1 : 0}, probe_detail = ${JSON.stringify(detail)}
    WHERE id = ${id}`);
}

export function cameraCodeTaken(db: HubDatabase, code: string, exceptId: string | null): boolean {
  return db.get(sql`SELECT 1 AS x FROM cameras WHERE code = ${code} AND id IS NOT ${exceptId}`) !== undefined;
}

export function countyBoundary(db: HubDatabase): string | null {
  return (
    db.get<{ boundary: string | null }>(sql`
      SELECT boundary FROM org_units WHERE level = 'county' AND code = (SELECT value FROM meta WHERE key = 'county_code')`)
      ?.boundary ?? null
  );
}

export function existingUnitCodes(db: HubDatabase): Set<string> {
  return new Set(db.all<{ code: string }>(sql`SELECT code FROM org_units`).map((r) => r.code));
}
