/**
 * "Around events" recording on a real hub: a case reported beside a camera whose policy (here its township's) is
 * `events` marks that camera at the report's time, in the report's own write; cameras under another policy, or
 * none, are not marked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setPolicy } from '../../hub/recording/recording-store.js';
import { report } from '../support/cases.js';
import { login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
let token: string;

beforeAll(async () => {
  hub = await startTestHub();
  token = await login(hub, 'county.duty');
}, 60_000);
afterAll(async () => {
  await hub?.dispose();
});

const cameraIn = (prefix: string) =>
  hub.context.db.raw
    .prepare(`SELECT id, lon, lat FROM cameras WHERE org_unit_code LIKE ? || '%' ORDER BY code LIMIT 1`)
    .get(prefix) as { id: string; lon: number; lat: number };
const marksOf = (cameraId: string) =>
  hub.context.db.raw.prepare(`SELECT at_ms, reason FROM recording_marks WHERE camera_id = ?`).all(cameraId) as Array<{
    at_ms: number;
    reason: string;
  }>;

describe('event marks', () => {
  it('marks the cameras beside a new case when their policy records around events', async () => {
    const watched = cameraIn('431099001');
    const other = cameraIn('431099002');
    setPolicy(hub.context.db, { unitCode: '431099001' }, { mode: 'events', preSeconds: 30, postSeconds: 120 }, 0);
    setPolicy(hub.context.db, { cameraId: other.id }, { mode: 'continuous', preSeconds: 0, postSeconds: 0 }, 0);
    const at = (c: { lon: number; lat: number }) => ({ lon: c.lon + 0.0003, lat: c.lat + 0.0003 }); // ~40 m away
    const body = (c: { lon: number; lat: number }) => ({
      source: 'hotline',
      categoryName: '违法建设',
      grade: 'general',
      location: at(c),
      description: '村口有人私搭乱建',
    });
    const before = Date.now();
    const first = await report(hub, token, body(watched));
    expect(first.status).toBe(201);
    const marks = marksOf(watched.id);
    expect(marks).toHaveLength(1);
    expect(marks[0]!.reason).toBe(`case ${first.body.caseId}`);
    expect(marks[0]!.at_ms).toBeGreaterThanOrEqual(before - 1000);
    expect(marks[0]!.at_ms).toBeLessThanOrEqual(Date.now());

    expect((await report(hub, token, body(other))).status).toBe(201);
    expect(marksOf(other.id)).toEqual([]); // continuous: nothing to keep around
  });
});
