/**
 * Named wall layouts per command room (`/api/v1/wall/layouts`): shared by every console user of one unit, never seen
 * by another room; a layout may name only cameras its saver may view (tiles, tile tours, wall tour pages), and is
 * re-checked for the reader on every load — a camera moved out of scope or a grant that ended comes back in
 * `notPermitted`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
const tokens: Record<string, string> = {};
let town01: string[];
let town02: string[];

const USERS = ['county.wall', 'county.duty', 'town01.wall', 'town01.director', 'town02.wall', 'admin'] as const;
type Username = (typeof USERS)[number];

const list = (user: Username) => api(hub, 'GET', '/api/v1/wall/layouts', { token: tokens[user]! });
const save = (user: Username, body: unknown) =>
  api(hub, 'POST', '/api/v1/wall/layouts', { token: tokens[user]!, body });
const remove = (user: Username, id: string) =>
  api(hub, 'POST', `/api/v1/wall/layouts/${id}/delete`, { token: tokens[user]! });

const cells = (...ids: Array<string | null>) => ids.map((cameraId) => ({ cameraId }));
const quad = (name: string, ids: Array<string | null>) => ({ name, kind: '4', cells: cells(...ids) });

beforeAll(async () => {
  hub = await startTestHub();
  for (const user of USERS) tokens[user] = await login(hub, user);
  const ids = (prefix: string) =>
    (
      hub.context.db.raw
        .prepare(`SELECT id FROM cameras WHERE sensitive = 0 AND org_unit_code LIKE ? || '%' ORDER BY code LIMIT 6`)
        .all(prefix) as Array<{ id: string }>
    ).map((r) => r.id);
  town01 = ids('431099001');
  town02 = ids('431099002');
});
afterAll(async () => hub.dispose());

describe('wall layouts per command room', () => {
  it('are shared by the users of one unit and unseen by other rooms', async () => {
    const saved = await save('county.wall', quad('早班 4 路', [town01[0]!, town02[0]!, null, town01[1]!]));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body).toMatchObject({ name: '早班 4 路', kind: '4', unitCode: '431099', notPermitted: [] });
    expect(saved.body.cells[2]).toEqual({ cameraId: null, tour: null });

    const duty = await list('county.duty'); // same unit, another operator of the room
    expect(duty.status).toBe(200);
    expect(duty.body.items.map((l: { name: string }) => l.name)).toEqual(['早班 4 路']);
    expect(duty.body.items[0].updatedBy).not.toBe('');
    expect((await list('town01.wall')).body.items).toEqual([]);
  });

  it('replace a layout saved again under the same name', async () => {
    await save('town01.wall', quad('路口', [town01[0]!, null, null, null]));
    const again = await save('town01.wall', { ...quad('路口', [town01[2]!, null, null, null]), alertCell: 3 });
    expect(again.status).toBe(200);
    const items = (await list('town01.director')).body.items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ name: '路口', alertCell: 3, cells: [{ cameraId: town01[2] }, {}, {}, {}] });
  });

  it('refuse cameras the saver may not view, in tiles, tile tours and wall tour pages', async () => {
    const inTile = await save('town01.director', quad('越权', [town02[0]!, null, null, null]));
    expect(inTile.status).toBe(403);
    expect(inTile.body.error).toMatchObject({ code: 'forbidden', field: 'cells' });

    const tour = { cameraIds: [town01[0]!, town02[1]!], dwellSeconds: 10 };
    const inTour = await save('town01.director', {
      name: '越权轮巡',
      kind: '1',
      cells: [{ cameraId: null, tour }],
    });
    expect(inTour.status).toBe(403);

    const pages = await save('town01.director', {
      name: '越权分页',
      kind: '4',
      cells: cells(null, null, null, null),
      pageTour: { pages: [[town01[0]!, null], [town02[2]!]], dwellSeconds: 30 },
    });
    expect(pages.status).toBe(403);
    expect(await save('town01.director', quad('未知', ['cam-does-not-exist', null, null, null]))).toMatchObject({
      status: 403,
    });
    expect((await list('town01.director')).body.items.map((l: { name: string }) => l.name)).toEqual(['路口']);
  });

  it('validate the shape: tile count per layout, dwell time, name', async () => {
    const wrongCount = await save('county.wall', { name: 'x', kind: '9', cells: cells(null, null) });
    expect(wrongCount.status).toBe(400);
    expect(wrongCount.body.error.code).toBe('validation_failed');
    const merged = await save('county.wall', { name: '1+5', kind: '1+5', cells: cells(null, null, null, null, null) });
    expect(merged.status).toBe(400);
    const fastTour = await save('county.wall', {
      name: 'fast',
      kind: '1',
      cells: [{ cameraId: null, tour: { cameraIds: [town01[0]!], dwellSeconds: 1 } }],
    });
    expect(fastTour.status).toBe(400);
    expect((await save('county.wall', quad('   ', [null, null, null, null]))).status).toBe(400);
    const alertOutside = await save('county.wall', { ...quad('a', [null, null, null, null]), alertCell: 7 });
    expect(alertOutside.status).toBe(400);
  });

  it('mark cameras no longer permitted when a layout is loaded', async () => {
    const moved = town01[3]!;
    const saved = await save('town01.wall', quad('会被移走', [moved, town01[4]!, null, null]));
    expect(saved.status).toBe(200);
    const grid = (
      hub.context.db.raw.prepare(`SELECT org_unit_code AS code FROM cameras WHERE id = ?`).get(town02[3]) as {
        code: string;
      }
    ).code;
    hub.context.db.raw.prepare(`UPDATE cameras SET org_unit_code = ? WHERE id = ?`).run(grid, moved);
    const layout = (await list('town01.wall')).body.items.find((l: { name: string }) => l.name === '会被移走');
    expect(layout.notPermitted).toEqual([moved]);
    expect(layout.cells[0].cameraId).toBe(moved); // kept: the wall shows the tile as "not permitted"
  });

  it('follow case-bound grants: a lent camera may be saved, and is marked once the grant ends', async () => {
    const lent = town01[5]!;
    const grant = await api(hub, 'POST', '/api/v1/camera-grants', {
      token: tokens['county.duty']!,
      body: { cameraId: lent, granteeUnitCode: '431099002', until: new Date(Date.now() + 3600_000).toISOString() },
    });
    expect(grant.status, JSON.stringify(grant.body)).toBe(200);
    const saved = await save('town02.wall', quad('借调', [lent, town02[0]!, null, null]));
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    expect(saved.body.notPermitted).toEqual([]);
    const revoked = await api(hub, 'POST', `/api/v1/camera-grants/${grant.body.id}/revoke`, {
      token: tokens['county.duty']!,
    });
    expect(revoked.status).toBe(200);
    expect((await list('town02.wall')).body.items[0].notPermitted).toEqual([lent]);
  });

  it('delete only within the room, and only for roles that operate the wall', async () => {
    const theirs = (await list('county.wall')).body.items[0].id as string;
    expect((await remove('town01.wall', theirs)).status).toBe(404);
    expect((await list('admin')).status).toBe(403);
    expect((await save('admin', quad('管理员', [null, null, null, null]))).status).toBe(403);
    expect(await remove('county.duty', theirs)).toMatchObject({ status: 200, body: { ok: true } });
    expect((await list('county.wall')).body.items).toEqual([]);
    expect((await remove('county.duty', theirs)).status).toBe(404);
  });
});
