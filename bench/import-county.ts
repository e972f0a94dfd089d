/**
 * Loading the seed's county into a fresh hub through the administrator's routes: 1,150 units (907 grids) with
 * boundaries as one GeoJSON file, then 2,185 cameras as one CSV — each dry-run first, then imported. Target: the
 * whole import ≤ 10 s on this machine. The demo generator only PRODUCES the files here; the hub reads them as it
 * would a real county's. Then 1,200 users (a grid worker per grid, the township directors and wall operators, the
 * county's duty officers) as one users CSV, dry-run and imported the same way.
 *
 *   npx tsx bench/import-county.ts
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CAMERA_CSV_COLUMNS } from '../common/county-import.js';
import { hashPassword } from '../hub/auth/passwords.js';
import { insertUser } from '../hub/auth/users-store.js';
import { generateDemoCounty } from '../hub/demo/generate-county.js';
import { DEMO_SEED } from '../hub/demo/seed-demo.js';
import { insertOrgUnits } from '../hub/org/org-units-store.js';
import { createHub } from '../hub/server.js';

const PASSWORD = 'Bench-Import-2026!';
const county = generateDemoCounty(DEMO_SEED);
const geojson = JSON.stringify({
  type: 'FeatureCollection',
  features: county.orgUnits.map((u) => ({
    type: 'Feature',
    properties: {
      code: u.code,
      name: u.name,
      level: u.level,
      kind: u.kind,
      parent_code: u.parentCode,
      population: u.population,
      households: u.households,
    },
    geometry: u.boundary,
  })),
});
const csv = [
  CAMERA_CSV_COLUMNS.join(','),
  ...county.cameras.map((c, i) => {
    const host = `10.${20 + Math.floor(i / 250)}.${Math.floor(i / 250) % 250}.${(i % 250) + 1}`;
    const url = (ch: number) => `rtsp://admin:Bench-Pass@${host}:554/Streaming/Channels/${ch}`;
    return [
      c.code,
      c.name,
      c.orgUnitCode,
      ...c.position,
      url(101),
      url(102),
      c.sensitive ? 1 : 0,
      c.kind === 'ptz' ? 1 : 0,
    ].join(',');
  }),
].join('\n');
const grids = county.orgUnits.filter((u) => u.level === 'grid').length;
/** 1,200 accounts in the seed county's shape: one grid worker per grid, then each township's director and wall
 * operator, then county duty officers for the rest. */
const usersCsv = (() => {
  const rows: string[] = [];
  const add = (username: string, name: string, role: string, unit: string) =>
    rows.push([username, name, role, unit].join(','));
  for (const grid of county.orgUnits.filter((u) => u.level === 'grid'))
    add(`gw${grid.code}`, `网格员${grid.name}`, 'grid_worker', grid.code);
  for (const town of county.orgUnits.filter((u) => u.level === 'township')) {
    add(`td${town.code}`, `${town.name}主任`, 'township_director', town.code);
    add(`tw${town.code}`, `${town.name}大屏`, 'wall_operator', town.code);
  }
  for (let i = 1; rows.length < 1200; i++) add(`duty${i}`, `值班员${i}`, 'county_duty_officer', county.county.code);
  return ['username,display_name,role,unit_code', ...rows].join('\n');
})();
console.log(
  `files: ${county.orgUnits.length} units (${grids} grids), ${(geojson.length / 1e6).toFixed(1)} MB GeoJSON; ` +
    `${county.cameras.length} cameras, ${(csv.length / 1e6).toFixed(2)} MB CSV`,
);

const dir = mkdtempSync(join(tmpdir(), 'grid-import-bench-'));
const hub = await createHub({ dbPath: join(dir, 'hub.sqlite'), demo: false, supervisionIntervalMs: 0 });
try {
  // What `init` does on an empty data dir: the county's root unit and the first administrator in it.
  insertOrgUnits(hub.context.db, [
    {
      ...county.county,
      level: 'county',
      kind: 'county',
      parentCode: null,
      population: 0,
      households: 0,
      center: [0, 0],
      boundary: null,
    },
  ]);
  insertUser(hub.context.db, {
    id: randomUUID(),
    username: 'admin1',
    displayName: 'admin1',
    role: 'admin',
    orgUnitCode: county.county.code,
    passwordHash: await hashPassword(PASSWORD),
    isDemoPassword: false,
    createdAt: Date.now(),
  });
  const login = await fetch(`${hub.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin1', password: PASSWORD }),
  });
  const { token } = (await login.json()) as { token: string };
  const post = async (path: string, body: object) => {
    const t = performance.now();
    const res = await fetch(`${hub.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });
    const answer = (await res.json()) as {
      problems?: unknown[];
      counts?: unknown;
      rows?: number;
      created?: unknown[];
      error?: unknown;
    };
    const ms = performance.now() - t;
    if (res.status !== 200 || (answer.problems?.length ?? 0) > 0) {
      throw new Error(`${path}: ${res.status} ${JSON.stringify(answer).slice(0, 600)}`);
    }
    return { ms, counts: answer.counts ?? { rows: answer.rows, created: answer.created?.length ?? 0 } };
  };
  const steps = [
    ['org tree dry run', '/api/v1/admin/org-import', { text: geojson, dryRun: true }],
    ['org tree import', '/api/v1/admin/org-import', { text: geojson, dryRun: false }],
    ['cameras dry run', '/api/v1/admin/camera-import', { format: 'csv', text: csv, dryRun: true }],
    ['cameras import', '/api/v1/admin/camera-import', { format: 'csv', text: csv, dryRun: false }],
    ['users dry run', '/api/v1/admin/users/import', { csv: usersCsv, dryRun: true }],
    ['users import', '/api/v1/admin/users/import', { csv: usersCsv, dryRun: false }],
  ] as const;
  let importMs = 0;
  let dryMs = 0;
  for (const [label, path, body] of steps) {
    const { ms, counts } = await post(path, body);
    if (body.dryRun) dryMs += ms;
    else importMs += ms;
    console.log(`${label.padEnd(18)} ${(ms / 1000).toFixed(2).padStart(6)} s  ${JSON.stringify(counts)}`);
  }
  const reimport = await post('/api/v1/admin/org-import', { text: geojson, dryRun: false });
  console.log(
    `${'org re-import'.padEnd(18)} ${(reimport.ms / 1000).toFixed(2).padStart(6)} s  ${JSON.stringify(reimport.counts)}`,
  );
  const total = (dryMs + importMs) / 1000;
  console.log(
    `dry runs ${(dryMs / 1000).toFixed(2)} s + imports ${(importMs / 1000).toFixed(2)} s (each validates the file) = ` +
      `${total.toFixed(2)} s — target ≤ 10 s: ${total <= 10 ? 'met' : 'MISSED'}`,
  );
} finally {
  await hub.close();
  rmSync(dir, { recursive: true, force: true });
}
