/**
 * Demo mode only: cameras drop off and come back now and then, as real ones do (power, 4G links), so the console's
 * live status has something to show. About 1 % of cameras are offline at any time.
 */
import { sql } from '../db/sql.js';
import { reportCameraStatus } from '../cameras/camera-status.js';
import type { HubContext } from '../hub-context.js';

export function startCameraSimulator(hub: HubContext, intervalMs = 15_000): () => void {
  const ids = hub.db.all<{ id: string }>(sql`SELECT id FROM cameras ORDER BY id`).map((r) => r.id);
  const offline = new Set(hub.db.all<{ id: string }>(sql`SELECT id FROM cameras WHERE online = 0`).map((r) => r.id));
  const target = Math.round(ids.length * 0.01);
  const timer = setInterval(() => {
    const id = ids[Math.floor(Math.random() * ids.length)];
    if (!id) return;
    const goOffline = !offline.has(id) && offline.size < target;
    if (!goOffline && !offline.has(id)) return;
    if (reportCameraStatus(hub, id, !goOffline)) {
      if (goOffline) offline.add(id);
      else offline.delete(id);
    }
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
