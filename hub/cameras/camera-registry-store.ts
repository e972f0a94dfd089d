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
  /** ONVIF (migration 0026). The password is for the driver and for change detection only: never answered. */
  readonly onvifUrl: string | null;
  readonly onvifUsername: string | null;
  readonly onvifPassword: string | null;
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
  onvif_url: string | null;
  onvif_username: string | null;
  onvif_password: string | null;
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
  onvifUrl: r.onvif_url,
  onvifUsername: r.onvif_username,
  onvifPassword: r.onvif_password,
});

const COLUMNS = sql`id, code, name, kind, org_unit_code, lon, lat, main_stream, sub_stream, sensitive, online,
  retired_at, probed_at, probe_ok, probe_detail, onvif_url, onvif_username, onvif_password`;

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

export type CameraWrite = Omit<
  RegistryCamera,
  'online' | 'retiredAt' | 'health' | 'onvifUrl' | 'onvifUsername' | 'onvifPassword'
> & { readonly onvif?: OnvifWrite };

/** An ONVIF change: undefined keeps a field, null clears it. */
export interface OnvifWrite {
  readonly url?: string | null;
  readonly username?: string | null;
  readonly password?: string | null;
}

/** Whether writing `w` over `c` changes anything (compared on the hub; the password never leaves it). */
export function onvifChanges(w: OnvifWrite | undefined, c: RegistryCamera): boolean {
  if (!w) return false;
  return (
    (w.url !== undefined && w.url !== c.onvifUrl) ||
    (w.username !== undefined && w.username !== c.onvifUsername) ||
    (w.password !== undefined && w.password !== c.onvifPassword)
  );
}

function writeOnvif(db: HubDatabase, id: string, w: OnvifWrite | undefined): void {
  if (!w) return;
  const keep = (v: string | null | undefined) => (v === undefined ? 1 : 0);
  db.run(sql`
    UPDATE cameras SET
      onvif_url = CASE WHEN ${keep(w.url)} = 1 THEN onvif_url ELSE ${w.url ?? null} END,
      onvif_username = CASE WHEN ${keep(w.username)} = 1 THEN onvif_username ELSE ${w.username ?? null} END,
      onvif_password = CASE WHEN ${keep(w.password)} = 1 THEN onvif_password ELSE ${w.password ?? null} END
    WHERE id = ${id}`);
}

export function insertRegistryCamera(db: HubDatabase, c: CameraWrite): void {
  db.run(sql`
    INSERT INTO cameras (id, code, name, kind, org_unit_code, lon, lat, sensitive, online, main_stream, sub_stream)
    VALUES (${c.id}, ${c.code}, ${c.name}, ${c.ptz ? 'ptz' : 'fixed'}, ${c.unitCode}, ${c.lon}, ${c.lat},
            ${c.sensitive ? 1 : 0}, 1, ${c.mainUrl}, ${c.subUrl})`);
  writeOnvif(db, c.id, c.onvif);
}

/** By id; the code may change on an edit (a mistyped code is corrected, the camera's history stays). */
export function updateRegistryCamera(db: HubDatabase, c: CameraWrite): void {
  db.run(sql`
    UPDATE cameras SET code = ${c.code}, name = ${c.name}, kind = ${c.ptz ? 'ptz' : 'fixed'},
      org_unit_code = ${c.unitCode}, lon = ${c.lon}, lat = ${c.lat}, sensitive = ${c.sensitive ? 1 : 0},
      main_stream = ${c.mainUrl}, sub_stream = ${c.subUrl}
    WHERE id = ${c.id}`);
  writeOnvif(db, c.id, c.onvif);
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
