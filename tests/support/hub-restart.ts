/**
 * A county hub that goes away and comes back: the same database file brought up again on the same port, which is
 * what a console sees when the hub restarts. (A different port, for "another console acted meanwhile", is port 0.)
 */
import { createHub, type Hub, type HubOptions } from '../../hub/server.js';
import type { TestHub } from './test-hub.js';

export async function restartHub(hub: TestHub, options: Partial<HubOptions> = {}): Promise<Hub> {
  return createHub({ dbPath: hub.dbPath, port: hub.port, demo: true, supervisionIntervalMs: 0, ...options });
}

export const until = async (check: () => boolean | Promise<boolean>, ms = 20_000, what = 'condition') => {
  const start = Date.now();
  while (!(await check())) {
    if (Date.now() - start > ms) throw new Error(`${what} not met within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 25));
  }
};
