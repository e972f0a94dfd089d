/**
 * Fills a seeded demo database up to N cases for the search bench (bench/case-search.ts): report times spread over
 * 2015 to today, the demo's grade/source/status mix, valid categories, and words people write — a category's name, a
 * place, one or two everyday phrases (噪音, 占道经营, 漏水 …), a reporter's name on public reports and the handling
 * unit's result on closed ones — plus the holders the scope cut reads (grid, owning township, lead unit). The word
 * index is then built once, as after a bulk import (hub/search/search-index-store.ts).
 */
import type Database from 'better-sqlite3';
import taxonomyJson from '../../resources/taxonomy.json' with { type: 'json' };
import { rebuildCaseSearch } from '../../hub/search/search-index-store.js';

const FROM = Date.parse('2015-01-01T00:00:00+08:00');
const DAY = 86_400_000;
const GRADES = [
  'routine',
  'routine',
  'routine',
  'routine',
  'routine',
  'routine',
  'general',
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
  'public',
  'public',
  'video_patrol',
  'hotline',
  'department',
];
const PHRASES = [
  '夜间施工噪音扰民',
  '商铺占道经营',
  '楼顶水箱漏水',
  '路边垃圾堆积',
  '餐馆油烟直排',
  '井盖缺失',
  '路灯不亮',
  '私搭乱建',
  '违规停车堵塞通道',
  '广告牌松动',
  '下水道堵塞',
  '流浪犬伤人隐患',
  '邻里纠纷',
  '工地扬尘',
  '河道漂浮物',
  '电线私拉乱接',
  '消防通道被占',
  '墙体开裂',
  '积水严重',
  '树木倒伏',
];
const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '欧阳', '诸葛'];
const GIVEN = ['伟', '芳', '娜', '敏', '静', '强', '磊', '军', '洋', '勇', '艳', '杰', '涛', '明', '超'];
const RESULTS = ['已现场处置完毕', '已责令整改', '已清理干净', '已协调双方达成一致', '已修复', '已拆除'];

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

export function fillSearchCases(db: Database.Database, total: number, now: number): number {
  const existing = db.prepare('SELECT count(*) AS n, max(id) AS last FROM cases').get() as { n: number; last: number };
  const missing = total - existing.n;
  if (missing <= 0) return 0;
  const grids = db
    .prepare(`SELECT code, name, center_lon AS lon, center_lat AS lat FROM org_units WHERE level = 'grid'`)
    .all() as Array<{ code: string; name: string; lon: number; lat: number }>;
  const minors = (
    taxonomyJson as { categories: Array<{ minors: Array<{ code: string; zh: string }> }> }
  ).categories.flatMap((m) => m.minors);
  const random = rng(20_261_204);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const times = Float64Array.from({ length: missing }, () => FROM + Math.floor(random() * (now - FROM))).sort();
  const insert = db.prepare(`
    INSERT INTO cases (id, case_no, version, status, grade, source, category_code, grid_code, owner_unit_code,
                       handling_level, lon, lat, description, lead_unit_code, reported_at, filed_at, due_at, closed_at,
                       closed_on_time, supervision_count, snapshot)
    VALUES (?, ?, 1, ?, ?, ?, ?, ?, ?, 'township', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const holder = db.prepare(
    'INSERT OR IGNORE INTO case_holders (case_id, org_code, open, closed_at) VALUES (?, ?, ?, ?)',
  );
  db.pragma('synchronous = OFF');
  db.pragma('cache_size = -400000');
  const indexes = db
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('cases', 'case_holders') AND sql IS NOT NULL`,
    )
    .all() as Array<{ name: string; sql: string }>;
  for (const index of indexes) db.exec(`DROP INDEX ${index.name}`);
  db.transaction(() => {
    for (let i = 0; i < missing; i++) {
      const grid = pick(grids);
      const minor = pick(minors);
      const id = existing.last + 1 + i;
      const at = times[i]!;
      // Cases of the last weeks are still open; older ones closed, one in eight late, one in twelve supervised.
      const open = at > now - 20 * DAY && random() < 0.6;
      const due = at + Math.floor((1 + random() * 9) * DAY);
      const late = random() < 0.125;
      const closedAt = open ? null : late ? due + DAY : at + Math.floor(random() * (due - at));
      const source = pick(SOURCES);
      const township = grid.code.slice(0, 9);
      const description = `${grid.name}${pick(PHRASES)}，${minor.zh}${random() < 0.3 ? `，${pick(PHRASES)}` : ''}`;
      const reporter = source === 'public' || source === 'hotline' ? pick(SURNAMES) + pick(GIVEN) + pick(GIVEN) : null;
      const snapshot = JSON.stringify({
        reporters: reporter ? [{ name: reporter, phone: `139${String(id).padStart(8, '0')}` }] : [],
        legs: closedAt ? [{ unitCode: township, feedback: { result: pick(RESULTS) } }] : [],
      });
      const day = new Date(at + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
      insert.run(
        id,
        `${day}-${String(id).padStart(6, '0')}`,
        open ? 'in_progress' : random() < 0.2 ? 'evaluated' : 'closed',
        pick(GRADES),
        source,
        minor.code,
        grid.code,
        township,
        grid.lon,
        grid.lat,
        description,
        township,
        at,
        at + 600_000,
        due,
        closedAt,
        closedAt === null ? null : late ? 0 : 1,
        random() < 1 / 12 ? 1 : 0,
        snapshot,
      );
      holder.run(id, grid.code, open ? 1 : 0, closedAt);
      holder.run(id, township, open ? 1 : 0, closedAt);
    }
  })();
  for (const index of indexes) db.exec(index.sql);
  db.transaction(() => rebuildCaseSearch(db))();
  db.pragma('synchronous = FULL');
  return missing;
}
