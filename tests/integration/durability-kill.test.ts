/**
 * Durability: a burst of 1,000 reports, each retried with its Idempotency-Key until acknowledged, while the hub is
 * killed with SIGKILL twice and restarted on the same files. Every acknowledged report must be in the database
 * exactly once afterwards. Prints the figures.
 */
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, inject } from 'vitest';
import { freePort, spawnHub, type HubChild } from '../support/hub-child.js';

const REPORTS = 1000;
const CONCURRENCY = 16;
const dir = mkdtempSync(join(tmpdir(), 'grid-durability-'));
let hub: HubChild | null = null;
afterAll(async () => {
  await hub?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('hub durability under SIGKILL', () => {
  it('keeps every acknowledged report exactly once through two kills and restarts', { timeout: 240_000 }, async () => {
    copyFileSync(inject('templateDbPath'), join(dir, 'hub.sqlite'));
    const port = await freePort();
    hub = await spawnHub(dir, port);
    const base = hub.url;
    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'county.duty', password: 'Demo@2026' }),
    });
    const { token } = (await login.json()) as { token: string };
    const units = (await (
      await fetch(`${base}/api/v1/org-units`, { headers: { authorization: `Bearer ${token}` } })
    ).json()) as {
      items: Array<{ level: string; center: [number, number] }>;
    };
    const grids = units.items.filter((u) => u.level === 'grid');

    const acknowledged = new Map<string, string>(); // idempotency key → case id
    let retries = 0;
    let next = 0;
    const send = async (i: number) => {
      const key = `burst-${randomUUID()}`;
      const grid = grids[i % grids.length]!;
      const body = JSON.stringify({
        source: 'grid_worker',
        categoryName: '乱堆乱放',
        location: { lon: grid.center[0], lat: grid.center[1] },
        description: `durability burst ${i}`,
      });
      for (;;) {
        try {
          const res = await fetch(`${base}/api/v1/events`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'idempotency-key': key },
            body,
          });
          if (res.status === 201) {
            acknowledged.set(key, ((await res.json()) as { caseId: string }).caseId);
            return;
          }
          await res.arrayBuffer();
        } catch {
          // connection refused or reset: the hub is down; retry the same key
        }
        retries += 1;
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const workers = Array.from({ length: CONCURRENCY }, async () => {
      while (next < REPORTS) await send(next++);
    });

    // The killer: SIGKILL at ~30 % and ~70 % of the burst, restart at once on the same folder and port.
    let kills = 0;
    const killer = (async () => {
      for (const at of [0.3, 0.7]) {
        while (acknowledged.size < REPORTS * at) await new Promise((r) => setTimeout(r, 5));
        await hub!.kill9();
        kills += 1;
        hub = await spawnHub(dir, port);
      }
    })();
    await Promise.all([...workers, killer]);
    await hub.stop();
    hub = null;

    const db = new Database(join(dir, 'hub.sqlite'), { readonly: true });
    const rows = db
      .prepare(`SELECT case_no, description FROM cases WHERE description LIKE 'durability burst %'`)
      .all() as Array<{ case_no: string; description: string }>;
    db.close();
    const stored = new Map<string, number>();
    for (const r of rows) stored.set(r.case_no, (stored.get(r.case_no) ?? 0) + 1);
    const perReport = new Map<string, number>();
    for (const r of rows) perReport.set(r.description, (perReport.get(r.description) ?? 0) + 1);
    const lost = [...acknowledged.values()].filter((caseId) => !stored.has(caseId)).length;
    const duplicated = [...perReport.values()].filter((n) => n > 1).length;
    console.log(
      `durability: ${acknowledged.size} acknowledged, ${kills} SIGKILLs, ${retries} retries → acknowledged-lost ${lost}, duplicated ${duplicated}`,
    );
    expect(kills).toBe(2);
    expect(acknowledged.size).toBe(REPORTS);
    expect(lost).toBe(0);
    expect(duplicated).toBe(0);
    expect(rows).toHaveLength(REPORTS);
  });
});
