/**
 * Case search (issue 15 §1) over 1,000,000 cases: the demo county seeded, filled up to a million cases with words
 * people write (bench/lib/search-synthetic-cases.ts), then ten typical searches as the hub answers a first page —
 * the page of 50 and the count capped at 1,000 — each with its p50/p95 and the query plan SQLite chose.
 * Target: ≤ 100 ms p95 each.
 *
 *   npx tsx bench/case-search.ts [--cases=1000000] [--runs=30] [--save=<path>] [--db=<a saved copy to reuse>]
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEARCH_COUNT_CAP } from '../common/search-schemas.js';
import { parseSearchQuery } from '../common/search-text.js';
import { countCases, searchCases, searchPlan, type SearchCriteria } from '../hub/search/search-store.js';
import { createHub } from '../hub/server.js';
import { percentile } from './lib/hub-process.js';
import { fillSearchCases } from './lib/search-synthetic-cases.js';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const CASES = Number(arg('cases', '1000000'));
const RUNS = Number(arg('runs', '30'));
const REUSE = arg('db', '');
const SAVE = arg('save', '');
const PAGE = 50;
const COUNTY = '431099';
const TOWN = '431099001';

const dir = mkdtempSync(join(tmpdir(), 'grid-search-bench-'));
const dbPath = join(dir, 'hub.sqlite');

function words(q: string): SearchCriteria['mode'] {
  const parsed = parseSearchQuery(q);
  if (parsed.kind === 'none' || parsed.kind === 'tooShort') throw new Error(`not a bench query: ${q}`);
  return parsed;
}

try {
  const now = Date.now();
  if (REUSE && existsSync(REUSE)) {
    copyFileSync(REUSE, dbPath);
    // A copy saved by an earlier run keeps that run's schema: bring the search's category index up to today's.
    const raw = new Database(dbPath);
    raw.exec(`DROP INDEX IF EXISTS cases_search_category;
      CREATE INDEX cases_search_category ON cases (category_code, reported_at, grade, status, source);`);
    raw.close();
  } else {
    let t = performance.now();
    console.log(`seeding the demo county in ${dir} …`);
    await (await createHub({ dbPath, demo: true, supervisionIntervalMs: 0 })).close();
    console.log(`  seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const raw = new Database(dbPath);
    const added = fillSearchCases(raw, CASES, now);
    raw.close();
    console.log(
      `  ${added} synthetic cases inserted, indexes and word index built in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    );
    if (SAVE) copyFileSync(dbPath, SAVE);
  }

  const hub = await createHub({ dbPath, demo: true, supervisionIntervalMs: 0 });
  try {
    const { db } = hub.context;
    const total = (db.raw.prepare('SELECT count(*) AS n FROM cases').get() as { n: number }).n;
    console.log(`cases in the database: ${total.toLocaleString('en-US')}`);
    const someCase = db.raw.prepare('SELECT case_no FROM cases WHERE id = 500000').get() as { case_no: string };
    const category = (
      db.raw
        .prepare('SELECT category_code AS c FROM cases GROUP BY category_code ORDER BY count(*) DESC LIMIT 1')
        .get() as {
        c: string;
      }
    ).c;
    const monthAgo = now - 31 * 86_400_000;
    const base = { scopeCode: COUNTY, sort: 'newest', now } as const;
    const queries: Array<[string, SearchCriteria]> = [
      ['county, newest first, no words', { ...base, mode: { kind: 'all' } }],
      ['county, common 2-char word 垃圾', { ...base, mode: words('垃圾') }],
      ['county, 2-char word 漏水', { ...base, mode: words('漏水') }],
      ['county, 4-char word 占道经营', { ...base, mode: words('占道经营') }],
      ['township, word 噪音', { ...base, scopeCode: TOWN, mode: words('噪音') }],
      [
        `county, category ${category} + serious + closed`,
        { ...base, mode: { kind: 'all' }, category, grade: 'serious', status: 'closed' },
      ],
      ['county, supervised', { ...base, mode: { kind: 'all' }, supervised: true }],
      ['county, overdue', { ...base, mode: { kind: 'all' }, overdue: true }],
      [`county, case number ${someCase.case_no}`, { ...base, mode: { kind: 'caseNo', prefix: someCase.case_no } }],
      [
        'township, last month, hotline',
        { ...base, scopeCode: TOWN, mode: { kind: 'all' }, from: monthAgo, source: 'hotline' },
      ],
    ];
    let worst = 0;
    for (const [name, q] of queries) {
      const times: number[] = [];
      let hits = 0;
      let counted = 0;
      for (let run = 0; run < RUNS; run++) {
        const t = performance.now();
        hits = searchCases(db, q, PAGE).hits.length;
        counted = countCases(db, q, SEARCH_COUNT_CAP);
        times.push(performance.now() - t);
      }
      const p95 = percentile(times, 95);
      worst = Math.max(worst, p95);
      const shown = counted > SEARCH_COUNT_CAP ? `${SEARCH_COUNT_CAP}+` : String(counted);
      console.log(
        `\n${name}: ${hits} hits on the page, ${shown} in all · p50 ${percentile(times, 50).toFixed(1)} ms · p95 ${p95.toFixed(1)} ms ${p95 <= 100 ? '✓' : '✗ over 100 ms'}`,
      );
      for (const line of searchPlan(db, q, PAGE)) console.log(`    page:  ${line}`);
      for (const line of searchPlan(db, q, SEARCH_COUNT_CAP, true)) console.log(`    count: ${line}`);
    }
    console.log(`\nworst p95: ${worst.toFixed(1)} ms (target ≤ 100 ms)`);
  } finally {
    await hub.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
