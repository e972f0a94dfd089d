/**
 * The map's data path with 1,000,000 events: the demo county seeded, filled up to a million cases, then the hub's
 * events query — scope and period cut in SQL on the chunk index, columns copied into the binary body — decoded into
 * typed arrays. Target: ≤ 50 ms p95 for the whole county, whole history. Also printed: the one-time chunk build,
 * a township's query, and the same over HTTP (hub → client bytes → typed arrays), with the query plans.
 *
 *   npx tsx bench/map-query-bench.ts [--events=1000000] [--runs=40] [--save=<path>] [--db=<a saved copy to reuse>]
 */
import Database from 'better-sqlite3';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeMapEvents } from '../common/map-events-format.js';
import { MapEventsQuery } from '../common/map-schemas.js';
import { eventCoding } from '../hub/map/event-dictionary.js';
import { queryMapEvents } from '../hub/map/events-query.js';
import { mapBodyPool } from '../hub/map/body-pool.js';
import { mapEventsAnswer } from '../hub/map/map-answers.js';
import { storeChunks } from '../hub/map/event-chunks.js';
import { createHub } from '../hub/server.js';
import { loginToken, percentile } from './lib/hub-process.js';
import { fillCases } from './lib/map-synthetic-cases.js';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const EVENTS = Number(arg('events', '1000000'));
const RUNS = Number(arg('runs', '40'));
const REUSE = arg('db', '');
const SAVE = arg('save', '');

const dir = mkdtempSync(join(tmpdir(), 'grid-map-bench-'));
const dbPath = join(dir, 'hub.sqlite');
const fmt = (xs: number[]) =>
  `p50 ${percentile(xs, 50).toFixed(1)} ms · p95 ${percentile(xs, 95).toFixed(1)} ms · max ${Math.max(...xs).toFixed(1)} ms`;

try {
  if (REUSE && existsSync(REUSE)) {
    copyFileSync(REUSE, dbPath);
  } else {
    let t = performance.now();
    console.log(`seeding the demo county in ${dir} …`);
    await (await createHub({ dbPath, demo: true, supervisionIntervalMs: 0 })).close();
    console.log(`  seeded in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const raw = new Database(dbPath);
    const added = fillCases(raw, EVENTS);
    raw.close();
    console.log(`  ${added} synthetic cases inserted in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    if (SAVE) copyFileSync(dbPath, SAVE);
  }

  const hub = await createHub({ dbPath, demo: true, supervisionIntervalMs: 0 });
  try {
    const { db } = hub.context;
    const coding = eventCoding(hub.context.reference.latest().taxonomy);
    const county = MapEventsQuery.parse({ from: '2017-01-01', to: '2027-01-01' });
    const town = '431099001';
    const count = db.raw.prepare('SELECT count(*) AS n FROM cases').get() as { n: number };
    console.log(`cases in the database: ${count.n}`);

    for (const [label, text] of [
      [
        'listing chunks',
        'SELECT grid_code, bucket, gen FROM map_chunks WHERE grid_code >= ? AND grid_code < ? AND bucket BETWEEN ? AND ? ORDER BY grid_code, bucket',
      ],
      [
        'building a chunk',
        'SELECT id, lon, lat, reported_at, grade, category_code, status, source FROM cases WHERE grid_code = ? AND reported_at >= ? AND reported_at < ? ORDER BY reported_at',
      ],
    ] as const) {
      const params = label === 'listing chunks' ? ['431099', '431099:', 0, 99] : ['431099001001001', 0, 1];
      const plan = db.raw.prepare(`EXPLAIN QUERY PLAN ${text}`).all(...params) as Array<{
        detail: string;
      }>;
      console.log(`plan, ${label}: ${plan.map((p) => p.detail).join(' | ')}`);
    }

    // One-time: chunks built from `cases` (after an upgrade, or the first query over a new history) and stored.
    const t = performance.now();
    const cold = queryMapEvents(db, coding, '431099', county);
    const coldMs = performance.now() - t;
    await hub.context.writes.run(() => storeChunks(db, cold.built, coding.fingerprint));
    console.log(
      `cold (build ${cold.built.length} chunks from cases, then answer): ${coldMs.toFixed(0)} ms for ${cold.count} events, ` +
        `${(cold.body.byteLength / 1e6).toFixed(1)} MB`,
    );

    /** Assembled afresh every time (what a query costs after any write), into pooled memory as the route does. */
    const fresh = (scope: string) => {
      const times: number[] = [];
      let n = 0;
      for (let i = 0; i < RUNS; i++) {
        const start = performance.now();
        let lease: ReturnType<typeof mapBodyPool.acquire> | undefined;
        const answer = queryMapEvents(db, coding, scope, county, (bytes) => (lease = mapBodyPool.acquire(bytes)).body);
        n = decodeMapEvents(answer.body).count;
        times.push(performance.now() - start);
        lease?.release();
      }
      return { times, n };
    };
    const whole = fresh('431099');
    console.log(
      `hub query → typed arrays, county, ${whole.n} events, assembled: ${fmt(whole.times)} (target p95 ≤ 50 ms)`,
    );
    const township = fresh(town);
    console.log(`hub query → typed arrays, township ${town}, ${township.n} events, assembled: ${fmt(township.times)}`);
    // The route's path: the same query again with no write in between is served from the answer cache.
    const repeat: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const served = mapEventsAnswer(db, coding, '431099', county);
      decodeMapEvents(served.body);
      repeat.push(performance.now() - start);
      served.done();
    }
    console.log(`the same county query repeated (no write between: answer cache): ${fmt(repeat)}`);

    const token = await loginToken(hub.url, 'county.duty');
    const http: number[] = [];
    for (let i = 0; i < Math.min(RUNS, 20); i++) {
      const start = performance.now();
      const res = await fetch(`${hub.url}/api/v1/map/events?from=2017-01-01&to=2027-01-01`, {
        headers: { authorization: `Bearer ${token}` },
      });
      decodeMapEvents(new Uint8Array(await res.arrayBuffer()));
      http.push(performance.now() - start);
    }
    console.log(`over HTTP (hub → client bytes → typed arrays), county: ${fmt(http)}`);
    console.log(`process memory after: rss ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MiB`);
  } finally {
    await hub.close();
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
