/** Scoped reads: each level gets exactly its subtree's units and cameras, cut in the hub. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(async () => hub.dispose());

const get = async (username: string, path: string) => api(hub, 'GET', path, { token: await login(hub, username) });

describe('scoped reads', () => {
  it('gives the county the whole county: 1 + 12 + 230 + 907 units, 2,185 cameras', async () => {
    const units = (await get('county.duty', '/api/v1/org-units')).body.items as Array<{ level: string; kind: string }>;
    const count = (level: string) => units.filter((u) => u.level === level).length;
    expect([count('county'), count('township'), count('village'), count('grid')]).toEqual([1, 12, 230, 907]);
    expect(units.filter((u) => u.kind === 'community')).toHaveLength(6);
    expect((await get('county.wall', '/api/v1/cameras')).body.items).toHaveLength(2185);
  });

  it('gives a township director only its own township, and never a stream source', async () => {
    const units = (await get('town01.director', '/api/v1/org-units')).body.items as Array<{
      code: string;
      level: string;
    }>;
    expect(units.length).toBeGreaterThan(1);
    expect(units.every((u) => u.code.startsWith('431099001'))).toBe(true);
    expect(units.filter((u) => u.level === 'township').map((u) => u.code)).toEqual(['431099001']);

    const cameras = (await get('town01.director', '/api/v1/cameras')).body.items as Array<Record<string, unknown>>;
    expect(cameras.length).toBeGreaterThan(0);
    expect(cameras.every((c) => String(c.orgUnitCode).startsWith('431099001'))).toBe(true);
    expect(JSON.stringify(cameras)).not.toMatch(/mainStream|subStream|demo:clip|rtsp:/);
  });

  it('partitions the cameras: the twelve townships together see every camera exactly once', async () => {
    const seen: string[] = [];
    for (let t = 1; t <= 12; t++) {
      const items = (await get(`town${String(t).padStart(2, '0')}.wall`, '/api/v1/cameras')).body.items as Array<{
        id: string;
      }>;
      seen.push(...items.map((c) => c.id));
    }
    expect(seen).toHaveLength(2185);
    expect(new Set(seen).size).toBe(2185);
  });

  it('gives a village operator only its village', async () => {
    const me = (await get('village.wall', '/api/v1/auth/me')).body as { orgUnitCode: string };
    const units = (await get('village.wall', '/api/v1/org-units')).body.items as Array<{ code: string }>;
    expect(units[0]!.code).toBe(me.orgUnitCode);
    expect(units.every((u) => u.code.startsWith(me.orgUnitCode))).toBe(true);
    const cameras = (await get('village.wall', '/api/v1/cameras')).body.items as Array<{ orgUnitCode: string }>;
    expect(cameras.every((c) => c.orgUnitCode.startsWith(me.orgUnitCode))).toBe(true);
  });

  it('refuses the camera list to roles without camera access', async () => {
    for (const username of ['admin', 'grid.worker']) {
      const res = await get(username, '/api/v1/cameras');
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('forbidden');
    }
  });
});
