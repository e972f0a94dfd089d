/**
 * Demo mode only: new reports keep arriving every few seconds, as from the county's grid workers, public photo
 * reports and video patrols, so the board moves. They go through intake exactly like a real report.
 */
import type { User } from '../../common/schemas.js';
import { allMinors, isRetired } from '../../common/taxonomy.js';
import { reportEvent } from '../cases/intake.js';
import { getMeta } from '../db/meta-store.js';
import { sql } from '../db/sql.js';
import type { HubContext } from '../hub-context.js';

const SOURCES = [
  'grid_worker',
  'grid_worker',
  'grid_worker',
  'grid_worker',
  'public',
  'video_patrol',
  'hotline',
] as const;
const WORDS = ['群众反映', '巡查发现', '网格员走访发现', '视频巡查发现'];

export function startReportSimulator(hub: HubContext, intervalMs = 8_000): () => void {
  const county = getMeta(hub.db, 'county_code');
  if (!county) return () => undefined;
  const reporter: User = {
    id: 'system:demo-simulator',
    username: 'demo-simulator',
    displayName: '演示数据模拟',
    role: 'county_duty_officer',
    orgUnitCode: county,
    orgUnitName: 'X县',
    orgLevel: 'county',
  };
  const grids = hub.db.all<{ code: string; name: string; center_lon: number; center_lat: number }>(
    sql`SELECT code, name, center_lon, center_lat FROM org_units WHERE level = 'grid' ORDER BY code`,
  );
  // Re-read each tick: an administrator's new version (new or retired categories) applies to the next report.
  const minors = () => allMinors(hub.reference.latest().taxonomy).filter((m) => m.major.code !== '09' && !isRetired(m));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

  const timer = setInterval(() => {
    const grid = pick(grids);
    const category = pick(minors());
    const roll = Math.random();
    void hub.writes
      .run(() =>
        reportEvent(
          hub,
          reporter,
          {
            source: pick(SOURCES),
            categoryCode: category.minor.code,
            grade: roll < 0.03 ? 'serious' : roll < 0.25 ? 'general' : 'routine',
            // Grid centres are inside their grid by construction, so the report lands where it claims.
            location: { lon: grid.center_lon, lat: grid.center_lat },
            description: `${pick(WORDS)}：${grid.name}${category.minor.zh}`,
          },
          hub.now(),
        ),
      )
      .then((outcome) => hub.cases.publishChange(outcome.change))
      // A refused simulated report (busy hub, closing database) is skipped; the next tick files another.
      .catch((err: unknown) => hub.log.debug({ err }, 'simulated report not filed'));
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
