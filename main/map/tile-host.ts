/**
 * Answers basemap requests by path — `/tiles/metadata.json` and `/tiles/<z>/<x>/<y>` — for both hosts: the web
 * host's route and Electron's `gridtiles://tiles/…` protocol handler are thin wrappers over this function.
 */
import type { BasemapInfo } from '../../common/map-schemas.js';
import { parseTileCoords, type MbtilesBasemap } from './mbtiles.js';

export const TILE_PATH_PREFIX = '/tiles/';

export interface TileAnswer {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly body: Buffer | string | null;
}

const json = (status: number, value: unknown): TileAnswer => ({
  status,
  headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  body: JSON.stringify(value),
});

export function answerTileRequest(basemap: MbtilesBasemap | null, pathname: string): TileAnswer {
  if (pathname === `${TILE_PATH_PREFIX}metadata.json`) {
    const info: BasemapInfo = basemap?.info ?? { available: false };
    return json(200, info);
  }
  const parts = pathname.startsWith(TILE_PATH_PREFIX) ? pathname.slice(TILE_PATH_PREFIX.length).split('/') : [];
  const coords = parts.length === 3 ? parseTileCoords(parts[0]!, parts[1]!, parts[2]!) : null;
  if (!coords) {
    return json(400, { error: { code: 'bad_request', message: 'bad tile coordinates' } });
  }
  if (!basemap) return json(404, { error: { code: 'not_found', message: 'no basemap configured' } });
  let tile;
  try {
    tile = basemap.tile(coords);
  } catch {
    // A damaged file answers "no tile" for what it cannot read; the map keeps its boundaries on the dark ground.
    tile = null;
  }
  if (!tile) return { status: 204, headers: { 'cache-control': 'max-age=3600' }, body: null };
  return {
    status: 200,
    headers: { 'content-type': tile.contentType, 'cache-control': 'max-age=86400' },
    body: tile.data,
  };
}
