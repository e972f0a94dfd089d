/**
 * Back-pressure: intake beyond capacity is refused with 503 and Retry-After — nothing written — rather than queued
 * until the hub falls over. Capacity is the commit backlog (`maxWriteBacklog`); a hub configured with none left
 * refuses every write, which makes the refusal path testable on any machine without racing a real overload.
 * The backlog itself is counted by the group commit, tested below on a real database.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubDatabase } from '../../hub/db/database.js';
import { GroupCommit } from '../../hub/db/group-commit.js';
import { sql } from '../../hub/db/sql.js';
import { pointInTownship, report } from '../support/cases.js';
import { login, startTestHub, type TestHub } from '../support/test-hub.js';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ maxWriteBacklog: 0, supervisionIntervalMs: 0 });
});
afterAll(async () => hub.dispose());

describe('back-pressure', () => {
  it('refuses writes beyond capacity with 503 + Retry-After and writes nothing', async () => {
    const token = await login(hub, 'county.duty');
    const place = await pointInTownship(hub, token, '431099006');
    const count = () => hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM cases`)!.n;
    const before = count();
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        report(
          hub,
          token,
          { source: 'hotline', categoryName: '噪声扰民', location: place.location, description: `夜间施工噪声 ${i}` },
          randomUUID(),
        ),
      ),
    );
    for (const res of answers) {
      expect(res.status).toBe(503);
      expect(res.body.error.code).toBe('overloaded');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    }
    expect(count()).toBe(before);
    // Reads stay available while writes are refused.
    expect((await fetch(`${hub.url}/api/v1/health`)).status).toBe(200);
  });
});

describe('group commit', () => {
  it('counts queued writes, commits them together, and rolls back a failing one alone', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grid-group-commit-'));
    const db = new HubDatabase(join(dir, 'hub.sqlite'));
    try {
      db.raw.exec('CREATE TABLE t (v TEXT NOT NULL)');
      const writes = new GroupCommit(db);
      const results = [1, 2, 3].map((i) => writes.run(() => db.run(sql`INSERT INTO t (v) VALUES (${`w${i}`})`)));
      const failing = writes.run(() => {
        db.run(sql`INSERT INTO t (v) VALUES ('doomed')`);
        throw new Error('refused');
      });
      expect(writes.backlog).toBe(4);
      await Promise.all(results);
      await expect(failing).rejects.toThrow('refused');
      expect(writes.backlog).toBe(0);
      expect(db.all<{ v: string }>(sql`SELECT v FROM t ORDER BY v`).map((r) => r.v)).toEqual(['w1', 'w2', 'w3']);
    } finally {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
