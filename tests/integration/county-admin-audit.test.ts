/**
 * Loading a county is on the admin audit: the org-tree import, the camera import and a camera retired each leave a
 * chained row naming the administrator, the address the hub saw and what changed — never a stream URL (they carry
 * credentials) — and a dry run, which writes nothing, leaves no row either. The chain still verifies afterwards.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ADMIN_AUDIT_CHAIN } from '../../hub/admin-audit/admin-audit-store.js';
import { verifyChain } from '../../hub/db/hash-chain-store.js';
import { cameraImport, loginAs, orgImport, sampleFile, startCountyHub, type CountyHub } from '../support/county-hub.js';
import { api } from '../support/test-hub.js';

let hub: CountyHub;
let admin: string;

interface Row {
  action: string;
  actorUsername: string | null;
  target: string | null;
  detail: string | null;
  ip: string | null;
}
const rows = async (action: string): Promise<Row[]> =>
  (await api(hub, 'GET', `/api/v1/admin/audit?action=${action}`, { token: admin })).body.items as Row[];

beforeAll(async () => {
  hub = await startCountyHub();
  admin = await loginAs(hub, 'admin1');
}, 60_000);
afterAll(async () => hub?.dispose());

it('records imports and a retired camera, not dry runs, and never a stream URL', async () => {
  expect((await orgImport(hub, admin, sampleFile('org-units.geojson'), true)).status).toBe(200);
  expect((await cameraImport(hub, admin, sampleFile('cameras.csv'), true)).status).toBe(200);
  expect(await rows('org.imported')).toEqual([]);
  expect(await rows('cameras.imported')).toEqual([]);

  expect((await orgImport(hub, admin, sampleFile('org-units.geojson'), false)).status).toBe(200);
  expect((await cameraImport(hub, admin, sampleFile('cameras.csv'), false)).status).toBe(200);
  const retired = await api(hub, 'POST', '/api/v1/admin/cameras/cam-43990101001320000001/retire', {
    token: admin,
    body: {},
  });
  expect(retired.status).toBe(200);

  const [org] = await rows('org.imported');
  expect(org).toMatchObject({ actorUsername: 'admin1', target: '439901', ip: '127.0.0.1' });
  expect(JSON.parse(org!.detail!)).toMatchObject({ removed: 0 });
  const [cameras] = await rows('cameras.imported');
  expect(cameras!.actorUsername).toBe('admin1');
  expect(JSON.parse(cameras!.detail!).added).toHaveLength(sampleFile('cameras.csv').trim().split('\n').length - 1);
  expect(cameras!.detail).not.toContain('rtsp://');
  const [camera] = await rows('camera.retired');
  expect(camera).toMatchObject({ actorUsername: 'admin1', target: 'cam-43990101001320000001' });
  expect(camera!.detail).not.toContain('rtsp://');

  const file = new Database(join(hub.dir, 'hub.sqlite'), { readonly: true, fileMustExist: true });
  try {
    expect(verifyChain(file, ADMIN_AUDIT_CHAIN)).toMatchObject({ ok: true });
  } finally {
    file.close();
  }
});
