/**
 * The web host's basemap route (GET /tiles/metadata.json, GET /tiles/:z/:x/:y), over the configured MBTiles file.
 * Opening the file is the caller's: a missing or broken file is reported once and the console runs without a
 * basemap.
 */
import type { FastifyInstance } from 'fastify';
import { MbtilesBasemap } from './mbtiles.js';
import { answerTileRequest, TILE_PATH_PREFIX } from './tile-host.js';

/** The basemap at `path`, or null (with a warning) when none is configured or it cannot be opened. */
export function openBasemap(path: string | undefined, options: { nativeBinding?: string } = {}): MbtilesBasemap | null {
  if (!path) return null;
  try {
    return MbtilesBasemap.open(path, options);
  } catch (err) {
    console.warn(`Basemap not used: ${err instanceof Error ? err.message : String(err)}`);
    return null;
  }
}

export function registerTileRoutes(app: FastifyInstance, basemap: MbtilesBasemap | null): void {
  app.get(`${TILE_PATH_PREFIX}*`, async (request, reply) => {
    const answer = answerTileRequest(basemap, request.url.split('?')[0]!);
    return reply
      .status(answer.status)
      .headers(answer.headers)
      .send(answer.body ?? undefined);
  });
}
