/** Demo mode: the county is seeded once, and the published demo passwords never run outside demo mode. */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, inject } from 'vitest';
import { hashPassword } from '../../hub/auth/passwords.js';
import { HubDatabase } from '../../hub/db/database.js';
import { countOrgUnits } from '../../hub/org/org-units-store.js';
import { sql } from '../../hub/db/sql.js';
import { createHub } from '../../hub/server.js';
import { DEMO_PASSWORD, api, login } from '../support/test-hub.js';

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const copyOfTemplate = () => {
  dir = mkdtempSync(join(tmpdir(), 'grid-demo-'));
  const dbPath = join(dir, 'hub.sqlite');
  copyFileSync(inject('templateDbPath'), dbPath);
  return dbPath;
};

describe('demo mode', () => {
  it('refuses to start outside demo mode while any account has the published password', async () => {
    const dbPath = copyOfTemplate();
    await expect(createHub({ dbPath, demo: false })).rejects.toThrow(/demo password/);
  });

  it('starts outside demo mode once every demo password has been changed, and demo logins then fail', async () => {
    const dbPath = copyOfTemplate();
    const db = new HubDatabase(dbPath);
    const hash = await hashPassword('a-real-county-password-2026');
    db.run(sql`UPDATE users SET password_hash = ${hash}, is_demo_password = 0`);
    db.close();
    const hub = await createHub({ dbPath, demo: false });
    try {
      const res = await api(hub, 'POST', '/api/v1/auth/login', {
        body: { username: 'county.duty', password: DEMO_PASSWORD },
      });
      expect(res.status).toBe(401);
      expect(await login(hub, 'county.duty', 'a-real-county-password-2026')).toMatch(/.{43}/);
      expect((await api(hub, 'GET', '/api/v1/health')).body).toMatchObject({
        status: 'ok',
        demo: false,
        county: { code: '431099', name: expect.any(String) },
      });
    } finally {
      await hub.close();
    }
  });

  it('seeds the county only once: a restart keeps the same data', async () => {
    const dbPath = copyOfTemplate();
    const before = new HubDatabase(dbPath);
    const units = countOrgUnits(before);
    const users = before.get<{ n: number }>(sql`SELECT count(*) AS n FROM users`)!.n;
    before.close();
    const hub = await createHub({ dbPath, demo: true });
    await hub.close();
    const after = new HubDatabase(dbPath);
    expect(countOrgUnits(after)).toBe(units);
    expect(after.get<{ n: number }>(sql`SELECT count(*) AS n FROM users`)!.n).toBe(users);
    after.close();
  });
});
