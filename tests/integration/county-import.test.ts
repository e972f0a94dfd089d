/**
 * Loading a county into a hub that started empty (GRID_DEMO=0): the sample county's org tree and cameras through
 * the admin routes on real sockets. Only an administrator may; every bad file gets its report and writes nothing;
 * a re-import updates by code and never orphans a camera; after an import the hub's caches see the new tree.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../hub/db/sql.js';
import {
  addSampleUsers,
  addUser,
  cameraImport,
  fixtureFile,
  loginAs,
  orgImport,
  SAMPLE_COUNTY,
  sampleFile,
  startCountyHub,
  type CountyHub,
} from '../support/county-hub.js';
import { api } from '../support/test-hub.js';

let hub: CountyHub;
let admin: string;
beforeAll(async () => {
  hub = await startCountyHub();
  admin = await loginAs(hub, 'admin1');
});
afterAll(async () => hub.dispose());

/** Everything an import may write, as one comparable value. */
const snapshot = () =>
  JSON.stringify([
    hub.context.db.all(sql`SELECT * FROM org_units ORDER BY code`),
    hub.context.db.all(sql`SELECT * FROM cameras ORDER BY code`),
    hub.context.db.all(sql`SELECT * FROM meta ORDER BY key`),
  ]);

/** The sample with one grid gone and its sibling covering the whole village. */
function sampleWithoutGrid(gone: string, sibling: string): string {
  const doc = JSON.parse(sampleFile('org-units.geojson'));
  const village = doc.features.find((f: any) => f.properties.code === gone.slice(0, 12));
  doc.features = doc.features.filter((f: any) => f.properties.code !== gone);
  doc.features.find((f: any) => f.properties.code === sibling).geometry = village.geometry;
  return JSON.stringify(doc);
}

describe('org tree import', () => {
  it('is refused to anyone but an administrator, and to no one signed in', async () => {
    await addUser(hub, 'duty1', 'county_duty_officer', SAMPLE_COUNTY);
    const duty = await loginAs(hub, 'duty1');
    const before = snapshot();
    for (const [path, body] of [
      ['/api/v1/admin/org-import', { text: sampleFile('org-units.geojson'), dryRun: false }],
      ['/api/v1/admin/camera-import', { format: 'csv', text: sampleFile('cameras.csv'), dryRun: false }],
      [
        '/api/v1/admin/cameras',
        {
          code: '43990101001320000099',
          name: 'x',
          unitCode: SAMPLE_COUNTY,
          position: [112.95, 28.14],
          mainUrl: 'rtsp://h/x',
          subUrl: 'rtsp://h/y',
          sensitive: false,
          ptz: false,
        },
      ],
    ] as const) {
      expect((await api(hub, 'POST', path, { token: duty, body })).body.error.code, path).toBe('forbidden');
      expect((await api(hub, 'POST', path, { body })).status, path).toBe(401);
    }
    expect((await api(hub, 'GET', '/api/v1/admin/cameras', { token: duty })).status).toBe(403);
    expect(snapshot()).toBe(before);
  });

  it('dry-runs the sample cleanly without writing, then imports it in one go', async () => {
    const before = snapshot();
    const dry = await orgImport(hub, admin, sampleFile('org-units.geojson'), true);
    expect(dry.status).toBe(200);
    expect(dry.body).toMatchObject({ dryRun: true, applied: false, problems: [] });
    expect(dry.body.counts).toEqual({ total: 15, added: 14, updated: 1, unchanged: 0, removed: 0 });
    expect(snapshot()).toBe(before);

    const real = await orgImport(hub, admin, sampleFile('org-units.geojson'), false);
    expect(real.status).toBe(200);
    expect(real.body).toMatchObject({ applied: true, counts: { added: 14, updated: 1 } });
    const units = await api(hub, 'GET', '/api/v1/org-units', { token: admin });
    expect(units.body.items).toHaveLength(15);
    expect(units.body.items.find((u: any) => u.code === SAMPLE_COUNTY).name).toBe('青溪县');
    expect((await api(hub, 'GET', '/api/v1/health')).body.county).toEqual({ code: SAMPLE_COUNTY, name: '青溪县' });
    await addSampleUsers(hub); // the users import's step, next in the walkthrough
  });

  it('refreshes the grid locator and the map boundaries at once', async () => {
    // 石桥村卫生室 (cameras.csv) stands in grid 439901002201002.
    expect(hub.context.gridLocator.locate(112.977331, 28.114474)).toBe('439901002201002');
    const director = await loginAs(hub, 'sq_director');
    const map = await api(hub, 'GET', '/api/v1/map/boundaries', { token: director });
    expect(map.body.items.map((b: any) => b.code)).toEqual([
      '439901002',
      '439901002201',
      '439901002201001',
      '439901002201002',
      '439901002202',
      '439901002202001',
      '439901002202002',
    ]);
    const renamed = sampleFile('org-units.geojson').replace('石桥村第二网格', '石桥村卫生网格');
    expect((await orgImport(hub, admin, renamed, false)).body.counts).toMatchObject({ updated: 1, unchanged: 14 });
    const after = await api(hub, 'GET', '/api/v1/map/boundaries', { token: director });
    expect(after.body.items.find((b: any) => b.code === '439901002201002').name).toBe('石桥村卫生网格');
    await orgImport(hub, admin, sampleFile('org-units.geojson'), false);
  });

  it('removes a unit the file no longer holds when nothing points at it', async () => {
    const report = await orgImport(hub, admin, sampleWithoutGrid('439901002202002', '439901002202001'), false);
    expect(report.body.counts).toMatchObject({ removed: 1, updated: 1 });
    expect(hub.context.gridLocator.locate(112.981196, 28.143632)).toBe('439901002202001');
    expect((await orgImport(hub, admin, sampleFile('org-units.geojson'), false)).body.counts).toMatchObject({
      added: 1,
      updated: 1,
    });
    expect(hub.context.gridLocator.locate(112.981196, 28.143632)).toBe('439901002202002');
  });

  it.each([
    ['broken.geojson', [{ at: 0, kind: 'not_json' }]],
    ['child-outside-parent.geojson', [{ at: 7, code: '439901001001001', kind: 'outside_parent' }]],
    ['duplicate-codes.geojson', [{ at: 15, code: '439901002202002', kind: 'duplicate_code' }]],
    ['self-intersecting.geojson', [{ at: 12, code: '439901002201002', kind: 'self_intersection' }]],
  ])('reports every problem of %s by feature and writes nothing', async (name, expected) => {
    const before = snapshot();
    const dry = await orgImport(hub, admin, fixtureFile(name), true);
    expect(dry.status).toBe(200);
    expect(dry.body.applied).toBe(false);
    for (const problem of expected) expect(dry.body.problems).toContainEqual(expect.objectContaining(problem));
    const real = await orgImport(hub, admin, fixtureFile(name), false);
    expect(real.status).toBe(422);
    expect(real.body.error.code).toBe('import_invalid');
    const first: { kind: string; code?: string } = expected[0]!;
    expect(real.body.error.message).toContain(first.code ?? 'not JSON');
    expect(snapshot()).toBe(before);
  });

  it('lists a moved grid as outside its parent, overlapping its sibling and leaving a gap', async () => {
    const dry = await orgImport(hub, admin, fixtureFile('child-outside-parent.geojson'), true);
    expect(dry.body.problems.map((p: any) => [p.at, p.kind])).toEqual([
      [3, 'gap'],
      [7, 'outside_parent'],
      [8, 'overlap'],
    ]);
    expect(dry.body.problems[1].message).toMatch(/lies outside its parent 439901001001; tolerance 1\.00 %/);
  });
});

describe('camera registry', () => {
  it('dry-runs and imports the sample cameras; URLs leave the hub masked only', async () => {
    const dry = await cameraImport(hub, admin, sampleFile('cameras.csv'), true);
    expect(dry.body).toMatchObject({ applied: false, problems: [], counts: { total: 12, added: 12 } });
    expect(hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM cameras`)!.n).toBe(0);
    const real = await cameraImport(hub, admin, sampleFile('cameras.csv'), false);
    expect(real.body).toMatchObject({ applied: true, counts: { added: 12 } });
    const list = await api(hub, 'GET', '/api/v1/admin/cameras', { token: admin });
    expect(list.body.items).toHaveLength(12);
    const market = list.body.items.find((c: any) => c.code === '43990101001320000001');
    expect(market).toMatchObject({
      name: '东街农贸市场入口',
      unitCode: '439901001001001',
      sensitive: false,
      ptz: false,
    });
    expect(market.mainUrlMasked).toBe('rtsp://[credentials]@10.39.1.11:554/Streaming/Channels/101');
    expect(JSON.stringify(list.body)).not.toContain('Sample-Pass-1');
    // Re-import by code: nothing new, nothing changed.
    expect((await cameraImport(hub, admin, sampleFile('cameras.csv'), false)).body.counts).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: 12,
    });
    // The same cameras as JSON items.
    const [header, ...lines] = sampleFile('cameras.csv').trim().split('\n');
    const items = lines.map((line) => {
      const cells = line.split(',');
      const item = Object.fromEntries(header!.split(',').map((k, i) => [k, cells[i]]));
      return { ...item, lon: Number(item.lon), lat: Number(item.lat), sensitive: item.sensitive === '1', ptz: true };
    });
    const json = await cameraImport(hub, admin, JSON.stringify(items), true, 'json');
    expect(json.body).toMatchObject({ problems: [], counts: { total: 12, updated: 8, unchanged: 4 } });
  });

  it.each([
    ['cameras-unknown-unit.csv', [{ at: 4, kind: 'unit_missing', code: '43990101001310000003' }]],
    ['cameras-wrong-column.csv', [{ at: 1, kind: 'bad_header' }]],
    ['cameras-duplicate-codes.csv', [{ at: 14, kind: 'duplicate_code', code: '43990101001320000005' }]],
    [
      'cameras-bad-coordinates.csv',
      [
        { at: 3, kind: 'bad_coordinates' },
        { at: 8, kind: 'outside_county' },
      ],
    ],
  ])('reports every problem of %s by line and writes nothing', async (name, expected) => {
    const before = snapshot();
    const dry = await cameraImport(hub, admin, fixtureFile(name), true);
    expect(dry.body.problems).toHaveLength(expected.length);
    for (const problem of expected) expect(dry.body.problems).toContainEqual(expect.objectContaining(problem));
    expect(JSON.stringify(dry.body)).not.toContain('Sample-Pass-1');
    const real = await cameraImport(hub, admin, fixtureFile(name), false);
    expect(real.status).toBe(422);
    expect(real.body.error.code).toBe('import_invalid');
    expect(snapshot()).toBe(before);
  });

  it('never orphans a camera: a grid that holds one cannot leave the tree', async () => {
    const before = snapshot();
    const text = sampleWithoutGrid('439901002202002', '439901002202001');
    const dry = await orgImport(hub, admin, text, true);
    expect(dry.body.problems).toEqual([
      expect.objectContaining({
        code: '439901002202002',
        kind: 'unit_in_use',
        message: expect.stringContaining('1 cameras'),
      }),
    ]);
    const real = await orgImport(hub, admin, text, false);
    expect(real.status).toBe(409);
    expect(real.body.error).toMatchObject({ code: 'unit_in_use', params: { units: '439901002202002' } });
    expect(snapshot()).toBe(before);
  });

  it('shows each township director exactly its cameras', async () => {
    const director = await loginAs(hub, 'cg_director');
    const mine = await api(hub, 'GET', '/api/v1/cameras', { token: director });
    expect(mine.body.items).toHaveLength(6);
    expect(mine.body.items.every((c: any) => c.orgUnitCode.startsWith('439901001'))).toBe(true);
    expect(JSON.stringify(mine.body)).not.toContain('rtsp');
  });

  it('keeps stream credentials out of every log line', () => {
    expect(hub.logText()).not.toContain('Sample-Pass-1');
  });
});
