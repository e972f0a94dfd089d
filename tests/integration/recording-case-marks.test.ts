/**
 * The playback timeline's case markers through a real hub (HTTP + SQLite): cases reported within 300 m of a camera in
 * the asked range, scoped like the board — the township sees its own case beside its camera; a neighbouring township
 * that was lent the camera sees the camera's recordings but not the other township's cases; a camera the caller may
 * not watch answers `forbidden`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { report } from '../support/cases.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
const tokens: Record<string, string> = {};
let camera: { id: string; lon: number; lat: number };
let near: string;
let far: string;
let before: number;

const range = (fromMs: number, toMs: number) =>
  `from=${encodeURIComponent(new Date(fromMs).toISOString())}&to=${encodeURIComponent(new Date(toMs).toISOString())}`;
const marks = (user: string, fromMs = before, toMs = Date.now() + 60_000) =>
  api(hub, 'GET', `/api/v1/cameras/${camera.id}/case-marks?${range(fromMs, toMs)}`, { token: tokens[user] });
const body = (at: { lon: number; lat: number }) => ({
  source: 'hotline',
  categoryName: '违法建设',
  grade: 'general',
  location: at,
  description: '村口有人私搭乱建',
});

beforeAll(async () => {
  hub = await startTestHub();
  for (const u of ['county.duty', 'town01.director', 'town02.director']) tokens[u] = await login(hub, u);
  camera = hub.context.db.raw
    .prepare(`SELECT id, lon, lat FROM cameras WHERE org_unit_code LIKE '431099001%' AND sensitive = 0 ORDER BY code`)
    .get() as typeof camera;
  before = Date.now() - 1000;
  const a = await report(hub, tokens['county.duty']!, body({ lon: camera.lon + 0.0003, lat: camera.lat + 0.0003 }));
  const b = await report(hub, tokens['county.duty']!, body({ lon: camera.lon + 0.02, lat: camera.lat })); // ~2 km
  expect([a.status, b.status]).toEqual([201, 201]);
  near = a.body.caseId as string;
  far = b.body.caseId as string;
}, 60_000);
afterAll(async () => {
  await hub?.dispose();
});

describe('case markers of a camera', () => {
  it('lists the case reported beside the camera with its number, category, time and status, not the far one', async () => {
    const res = await marks('town01.director');
    expect(res.status).toBe(200);
    const ids = (res.body.cases as Array<{ id: string }>).map((c) => c.id);
    expect(ids).toContain(near);
    expect(ids).not.toContain(far);
    const mark = res.body.cases.find((c: { id: string }) => c.id === near);
    expect(mark).toMatchObject({ number: near, status: expect.any(String), category: expect.any(String) });
    expect(Date.parse(mark.reportedAt)).toBeGreaterThanOrEqual(before);
    expect((await marks('county.duty')).body.cases.map((c: { id: string }) => c.id)).toContain(near);
  });

  it('leaves out a case reported outside the range', async () => {
    const res = await marks('town01.director', before - 3_600_000, before - 60_000);
    expect(res.status).toBe(200);
    expect(res.body.cases.map((c: { id: string }) => c.id)).not.toContain(near);
  });

  it("refuses a neighbour's camera, and once lent shows it without the neighbour's cases", async () => {
    const refused = await marks('town02.director');
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('forbidden');
    const lent = await api(hub, 'POST', '/api/v1/camera-grants', {
      token: tokens['county.duty'],
      body: {
        cameraId: camera.id,
        granteeUnitCode: '431099002',
        until: new Date(Date.now() + 3_600_000).toISOString(),
      },
    });
    expect(lent.status).toBe(200);
    const res = await marks('town02.director');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ cameraId: camera.id, cases: [] });
  });

  it('refuses a range that ends before it starts', async () => {
    const res = await marks('town01.director', Date.now(), Date.now() - 60_000);
    expect(res.status).toBe(400);
  });
});
