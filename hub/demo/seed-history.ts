/**
 * Seeds the demo county's 2017–2020 history once, through the importer, in one transaction (the hub is not yet
 * listening, so nothing waits on it).
 */
import type { MultiPolygon, Polygon } from 'geojson';
import type { CaseActor } from '../../common/case-machine.js';
import { importEvents } from '../cases/importer.js';
import { getMeta, setMeta } from '../db/meta-store.js';
import { sql } from '../db/sql.js';
import type { HubContext } from '../hub-context.js';
import { generateHistory, type HistoryGrid } from './history.js';
import { DEMO_SEED } from './seed-demo.js';
import { counted, silentProgress, type Progress } from '../progress.js';

export function seedDemoHistoryIfMissing(hub: HubContext, progress: Progress = silentProgress): number {
  const county = getMeta(hub.db, 'county_code');
  if (!county || getMeta(hub.db, 'demo_history')) return 0;
  const grids = hub.db
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
  const generating = progress.step('demo history: generating 2017–2020 events');
  const lines = generateHistory(grids, hub.reference.forCase({}), hub.gridLocator, DEMO_SEED);
  generating.done(`${lines.length.toLocaleString('en-US')} events`);
  const importing = progress.step('demo history: importing', lines.length, 'events');
  const importer: CaseActor = { userId: 'system:import', role: 'county_duty_officer', orgUnitCode: county };
  const result = hub.db.transaction(() => {
    const r = importEvents(hub, importer, counted(lines, importing), hub.now());
    setMeta(hub.db, 'demo_history', String(r.imported));
    return r;
  });
  importing.done();
  if (result.rejected.length > 0) {
    throw new Error(
      `demo history: ${result.rejected.length} generated lines were rejected, e.g. ${JSON.stringify(result.rejected[0])}`,
    );
  }
  return result.imported;
}
