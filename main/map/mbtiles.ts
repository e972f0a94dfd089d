/**
 * The optional offline basemap: one MBTiles file (SQLite: `metadata` + `tiles`, TMS rows) configured by path and
 * opened read-only. Plain Node, so the web host's route and Electron's `gridtiles:` protocol share it.
 *
 * Safety: only the configured file is ever opened (tile requests carry numbers, never paths); z/x/y must be
 * integers inside the tile pyramid before they reach SQL (as bound parameters); an unknown tile is "no content",
 * and a broken or missing file means "no basemap", never a crash.
 */
import Database from 'better-sqlite3';
import { statSync } from 'node:fs';
import { BASEMAP_FORMATS, type BasemapInfo } from '../../common/map-schemas.js';

export const MAX_TILE_ZOOM = 24;

export interface TileCoords {
  readonly z: number;
  readonly x: number;
  readonly y: number;
}

/** z/x/y from URL text: plain decimal integers, x and y inside the 2^z × 2^z pyramid; anything else is null. */
export function parseTileCoords(z: string, x: string, y: string): TileCoords | null {
  if (![z, x, y].every((part) => /^\d{1,8}$/.test(part))) return null;
  const coords = { z: Number(z), x: Number(x), y: Number(y) };
  if (coords.z > MAX_TILE_ZOOM) return null;
  const size = 2 ** coords.z;
  return coords.x < size && coords.y < size ? coords : null;
}

const CONTENT_TYPES: Record<(typeof BASEMAP_FORMATS)[number], string> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  webp: 'image/webp',
};

/** The image type from the bytes themselves (metadata is often missing or wrong); null for anything else. */
export function sniffImageType(data: Uint8Array): string | null {
  if (data[0] === 0x89 && data[1] === 0x50 && data[2] === 0x4e && data[3] === 0x47) return CONTENT_TYPES.png;
  if (data[0] === 0xff && data[1] === 0xd8) return CONTENT_TYPES.jpg;
  const tag = (at: number) => String.fromCharCode(...data.subarray(at, at + 4));
  if (tag(0) === 'RIFF' && tag(8) === 'WEBP') return CONTENT_TYPES.webp;
  return null;
}

export interface Tile {
  readonly data: Buffer;
  readonly contentType: string;
}

export class MbtilesBasemap {
  private readonly tileQuery: Database.Statement<[number, number, number], { tile_data: Buffer }>;
  readonly info: BasemapInfo;

  private constructor(private readonly db: Database.Database) {
    this.tileQuery = db.prepare(
      'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ? LIMIT 1',
    );
    this.info = readInfo(db);
  }

  /** Opens the file read-only; throws with a plain message when it is missing or not an MBTiles raster set. */
  static open(path: string, options: { nativeBinding?: string } = {}): MbtilesBasemap {
    if (!statSync(path).isFile()) throw new Error(`basemap ${path} is not a file`);
    const db = new Database(path, {
      readonly: true,
      fileMustExist: true,
      ...(options.nativeBinding ? { nativeBinding: options.nativeBinding } : {}),
    });
    try {
      db.pragma('query_only = ON');
      const basemap = new MbtilesBasemap(db);
      if (!basemap.info.available) throw new Error(`basemap ${path}: not a raster MBTiles file (png/jpg/webp)`);
      return basemap;
    } catch (err) {
      db.close();
      throw err;
    }
  }

  /** The tile at XYZ coordinates (MBTiles stores TMS rows, counted from the south), or null when there is none. */
  tile({ z, x, y }: TileCoords): Tile | null {
    const row = this.tileQuery.get(z, x, 2 ** z - 1 - y);
    if (!row) return null;
    const contentType = sniffImageType(row.tile_data);
    return contentType ? { data: row.tile_data, contentType } : null;
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}

function readInfo(db: Database.Database): BasemapInfo {
  const rows = db.prepare('SELECT name, value FROM metadata').all() as Array<{ name: string; value: string }>;
  const meta = new Map(rows.map((r) => [r.name, r.value]));
  const format = (meta.get('format') ?? 'png').toLowerCase().replace('jpeg', 'jpg');
  if (!(BASEMAP_FORMATS as readonly string[]).includes(format)) return { available: false };
  db.prepare('SELECT 1 FROM tiles LIMIT 1').get(); // throws when there is no tiles table (or view)
  const zooms = db.prepare('SELECT min(zoom_level) AS lo, max(zoom_level) AS hi FROM tiles').get() as {
    lo: number | null;
    hi: number | null;
  };
  const bounds = meta
    .get('bounds')
    ?.split(',')
    .map((n) => Number(n.trim()));
  const int = (value: string | undefined, fallback: number | null) => {
    const n = value === undefined ? Number.NaN : Number(value);
    return Number.isInteger(n) && n >= 0 && n <= MAX_TILE_ZOOM ? n : (fallback ?? undefined);
  };
  return {
    available: true,
    format: format as BasemapInfo['format'],
    ...(meta.get('name') ? { name: meta.get('name')! } : {}),
    ...(meta.get('attribution') ? { attribution: meta.get('attribution')! } : {}),
    minZoom: int(meta.get('minzoom'), zooms.lo),
    maxZoom: int(meta.get('maxzoom'), zooms.hi),
    ...(bounds?.length === 4 && bounds.every(Number.isFinite)
      ? { bounds: bounds as [number, number, number, number] }
      : {}),
  };
}
