/**
 * Seeds the demo county's 2017–2020 history once, through the importer, in one transaction (the hub is not yet
 * listening, so nothing waits on it). The lines go in chunks so first start can report how far it got; the importer's
 * duplicate check reads the database, so chunks inside one transaction import exactly what one call would.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { CaseActor } from '../../common/case-machine.js';
import { importEvents } from '../cases/importer.js';
import { getMeta, setMeta } from '../db/meta-store.js';
import { sql } from '../db/sql.js';
import type { HubContext } from '../hub-context.js';
import { generateHistory, type HistoryGrid } from './history.js';
import { DEMO_SEED } from './seed-demo.js';
import { withIndexesDeferred } from './bulk-load-store.js';
import { counted, silentProgress, type Progress } from '../progress.js';

const HISTORY_CHUNKS = 20;

/**
 * `progress` draws the command line's step lines (hub/progress.ts); `onProgress` feeds the desktop app's start-up
 * screen (main/hub-process/) in chunks of the import.
 */
export function seedDemoHistoryIfMissing(
  hub: HubContext,
  progress: Progress = silentProgress,
  onProgress?: (progress: { step: 'history'; done: number; total: number }) => void,
): number {
  const county = getMeta(hub.db, 'county_code');
  if (!county || getMeta(hub.db, 'demo_history')) {
    onProgress?.({ step: 'history', done: HISTORY_CHUNKS, total: HISTORY_CHUNKS });
    return 0;
  }
  onProgress?.({ step: 'history', done: 0, total: HISTORY_CHUNKS });
  const grids = historyGrids(hub);
  const generating = progress.step('demo history: generating events from 2015 to today');
  const lines = generateHistory(grids, hub.reference.forCase({}), hub.gridLocator, DEMO_SEED, hub.now());
  generating.done(`${lines.length.toLocaleString('en-US')} events`);
  const importing = progress.step('demo history: importing', lines.length, 'events');
  // Imported as a county's administrator imports its old platform's export: by the (demo) administrator, who is
  // also on record for the imported call-backs and department ratings (the old platform kept no such accounts).
  const admin = hub.db.get<{ id: string }>(
    sql`SELECT id FROM users WHERE role = 'admin' AND org_unit_code = ${county} ORDER BY created_at, username LIMIT 1`,
  );
  if (!admin) throw new Error('demo history: the demo county has no administrator to import it');
  const importer: CaseActor = { userId: admin.id, role: 'admin', orgUnitCode: county };
  const chunkSize = Math.ceil(lines.length / HISTORY_CHUNKS);
  const result = hub.db.transaction(() =>
    withIndexesDeferred(hub.db, () => {
      const r = { imported: 0, rejected: [] as Array<{ line: number; reason: string }> };
      for (let chunk = 0; chunk < HISTORY_CHUNKS; chunk += 1) {
        const start = chunk * chunkSize;
        const part = importEvents(hub, importer, counted(lines.slice(start, start + chunkSize), importing), hub.now());
        r.imported += part.imported;
        r.rejected.push(...part.rejected.map((rejected) => ({ ...rejected, line: rejected.line + start })));
        onProgress?.({ step: 'history', done: chunk + 1, total: HISTORY_CHUNKS });
      }
      setMeta(hub.db, 'demo_history', String(r.imported));
      return r;
    }),
  );
  importing.done();
  if (result.rejected.length > 0) {
    throw new Error(
      `demo history: ${result.rejected.length} generated lines were rejected, e.g. ${JSON.stringify(result.rejected[0])}`,
    );
  }
  return result.imported;
}

/** The county's grids as the history generator needs them: population, bounding box and centre. */
export function historyGrids(hub: HubContext): HistoryGrid[] {
  return hub.db
    .all<{ code: string; name: string; population: number; center_lon: number; center_lat: number; boundary: string }>(
      sql`SELECT code, name, population, center_lon, center_lat, boundary FROM org_units WHERE level = 'grid' ORDER BY code`,
    )
    .map((g): HistoryGrid => {
      const geometry = JSON.parse(g.boundary) as Polygon | MultiPolygon;
      const points = (geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat()).flat() as Array<
        [number, number]
      >;
      const xs = points.map((p) => p[0]);
      const ys = points.map((p) => p[1]);
      return {
        code: g.code,
        name: g.name,
        population: g.population,
        bbox: [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)],
        center: [g.center_lon, g.center_lat],
      };
    });
}
