/**
 * Fills a seeded demo database up to N cases with synthetic ones for the map benches: points scattered around grid
 * centres, 2017–2020 report times, the demo's grade/source mix, valid categories — inserted in report-time order in
 * one transaction, through the real triggers (so the map's chunk index is maintained as in production).
 */
import type Database from 'better-sqlite3';
import taxonomyJson from '../../resources/taxonomy.json' with { type: 'json' };

const FROM = Date.parse('2017-01-01T00:00:00+08:00');
const TO = Date.parse('2021-01-01T00:00:00+08:00');
const GRADES = [
  'routine',
  'routine',
  'routine',
  'routine',
  'routine',
  'routine',
  'routine',
  'general',
  'general',
  'serious',
];
const SOURCES = [
  'grid_worker',
  'grid_worker',
  'grid_worker',
  'grid_worker',
  'grid_worker',
  'grid_worker',
  'public',
  'video_patrol',
  'hotline',
  'department',
];
const STATUSES = [
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'closed',
  'evaluated',
  'in_progress',
];

/** A small deterministic generator (the same database every run). */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function fillCases(db: Database.Database, total: number): number {
  const existing = db.prepare('SELECT count(*) AS n, max(id) AS last FROM cases').get() as { n: number; last: number };
  const missing = total - existing.n;
  if (missing <= 0) return 0;
  const grids = db
    .prepare(`SELECT code, population, center_lon AS lon, center_lat AS lat FROM org_units WHERE level = 'grid'`)
    .all() as Array<{ code: string; population: number; lon: number; lat: number }>;
  // Busier grids report more: pick grids in proportion to population.
  const cumulative: number[] = [];
  grids.reduce((sum, g, i) => (cumulative[i] = sum + g.population), 0);
  const totalPopulation = cumulative.at(-1)!;
  const minors = (taxonomyJson as { categories: Array<{ minors: Array<{ code: string }> }> }).categories.flatMap((m) =>
    m.minors.map((minor) => minor.code),
  );
  const random = rng(20_260_101);
  const times = Float64Array.from({ length: missing }, () => FROM + Math.floor(random() * (TO - FROM))).sort();
  const insert = db.prepare(`
    INSERT INTO cases (id, case_no, version, status, grade, source, category_code, grid_code, owner_unit_code,
                       handling_level, lon, lat, description, reported_at, closed_at, snapshot)
    VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, 'grid', ?, ?, '合成事件', ?, ?, '{}')`);
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  // A million inserts into six random-order indexes take minutes; building each index once afterwards, seconds.
  const indexes = db
    .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'cases' AND sql IS NOT NULL`)
    .all() as Array<{ name: string; sql: string }>;
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  db.transaction(() => {
    for (let i = 0; i < missing; i++) {
      const target = random() * totalPopulation;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid]! < target) lo = mid + 1;
        else hi = mid;
      }
      const grid = grids[lo]!;
      const id = existing.last + 1 + i;
      const at = times[i]!;
      const status = STATUSES[Math.floor(random() * STATUSES.length)]!;
      const day = new Date(at + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
      insert.run(
        id,
        `${day}-${String(id).padStart(6, '0')}`,
        status,
        GRADES[Math.floor(random() * GRADES.length)],
        SOURCES[Math.floor(random() * SOURCES.length)],
        minors[Math.floor(random() * minors.length)],
        grid.code,
        grid.code.slice(0, 9),
        grid.lon + (random() - 0.5) * 0.006,
        grid.lat + (random() - 0.5) * 0.006,
        at,
        status === 'in_progress' ? null : at + 2 * 86_400_000,
      );
    }
  })();
  for (const index of indexes) db.exec(index.sql);
  db.pragma('synchronous = FULL');
  return missing;
}
