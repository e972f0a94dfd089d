/**
 * The users CSV import (dry-run report of every bad line, all-or-nothing write, one-time passwords never logged),
 * the admin audit (what is recorded, the paged and filtered viewer, the chain verified and tampering found), and the
 * first administrator of an empty data dir (`npm run hub -- init`).
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initFirstAdmin } from '../../hub/auth/first-admin.js';
import { rowHash } from '../../hub/video-access/audit-chain.js';
import { createHub } from '../../hub/server.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

const logLines: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});

let hub: TestHub;
let admin: string;
beforeAll(async () => {
  hub = await startTestHub({ supervisionIntervalMs: 0, log: { level: 'debug', stream: logStream, stdout: false } });
  admin = await login(hub, 'admin');
});
afterAll(async () => hub.dispose());

const HEADER = 'username,display_name,role,unit_code';
const importCsv = (csv: string, dryRun: boolean, token = admin) =>
  api(hub, 'POST', '/api/v1/admin/users/import', { token, body: { csv, dryRun } });
const total = async (path: string) => (await api(hub, 'GET', `${path}?pageSize=1`, { token: admin })).body.total;

describe('users CSV import', () => {
  const bad = [
    HEADER,
    'town09.clerk,九号镇文员,wall_operator,431099009', // 2 fine
    'Bad Name,坏名字,wall_operator,431099009', // 3 username
    'town09.x,,wall_operator,431099009', // 4 display name
    'town09.y,某人,mayor,431099009', // 5 role
    'town09.z,某人,wall_operator,431099999', // 6 unit unknown
    'town09.w,某人,county_duty_officer,431099009', // 7 role does not fit
    'town01.director,重名,township_director,431099001', // 8 taken
    'town09.clerk,又一个,wall_operator,431099009', // 9 repeated in the file
    'town09.v,某人,wall_operator', // 10 a column short
  ].join('\r\n');

  it('reports every bad line on a dry run and writes nothing; a real run of the same file is refused whole', async () => {
    const before = { users: await total('/api/v1/admin/users'), audit: await total('/api/v1/admin/audit') };
    const dry = await importCsv(bad, true);
    expect(dry.status).toBe(200);
    expect(dry.body.rows).toBe(9);
    expect(dry.body.created).toEqual([]);
    expect(
      dry.body.problems.map((p: { line: number; field?: string; code: string }) => [p.line, p.field, p.code]),
    ).toEqual([
      [3, 'username', 'validation_failed'],
      [4, 'display_name', 'validation_failed'],
      [5, 'role', 'validation_failed'],
      [6, 'unit_code', 'unknown_unit'],
      [7, 'role', 'role_unit_mismatch'],
      [8, 'username', 'username_taken'],
      [9, 'username', 'duplicate_in_file'],
      [10, undefined, 'validation_failed'],
    ]);
    const real = await importCsv(bad, false);
    expect([real.status, real.body.error.code, real.body.error.params]).toEqual([
      400,
      'import_has_problems',
      { count: 8 },
    ]);
    const wrongHeader = await importCsv('user,name,role,unit\nx.y,X,wall_operator,431099', true);
    expect(wrongHeader.body.problems).toEqual([{ line: 1, code: 'csv_header_invalid', params: { expected: HEADER } }]);
    expect({ users: await total('/api/v1/admin/users'), audit: await total('/api/v1/admin/audit') }).toEqual(before);
  });

  it('creates every user of a good file with a one-time password each, shown once and never logged', async () => {
    const good = [
      `\uFEFF${HEADER}`,
      'town10.clerk,十号镇文员,wall_operator,431099010',
      '"town10.deputy","十号镇副主任, 兼网格长",township_director,431099010',
      'county.wall2,县大屏操作员二,wall_operator,431099',
    ].join('\n');
    expect((await importCsv(good, true)).body.problems).toEqual([]);
    const res = await importCsv(good, false);
    expect(res.status).toBe(200);
    expect(res.body.created.map((u: { username: string; displayName: string }) => [u.username, u.displayName])).toEqual(
      [
        ['town10.clerk', '十号镇文员'],
        ['town10.deputy', '十号镇副主任, 兼网格长'],
        ['county.wall2', '县大屏操作员二'],
      ],
    );
    const passwords: string[] = res.body.created.map((u: { oneTimePassword: string }) => u.oneTimePassword);
    expect(new Set(passwords).size).toBe(3);
    const first = await api(hub, 'POST', '/api/v1/auth/login', {
      body: { username: 'town10.deputy', password: passwords[1] },
    });
    expect(first.body.user).toMatchObject({ orgUnitCode: '431099010', mustChangePassword: true });
    expect(logLines.length).toBeGreaterThan(0);
    expect(logLines.filter((line) => passwords.some((p) => line.includes(p)))).toEqual([]);
    // The same file again: every line is now taken.
    const again = await importCsv(good, true);
    expect(again.body.problems.map((p: { code: string }) => p.code)).toEqual(Array(3).fill('username_taken'));
  });
});

describe('the admin audit', () => {
  it('records logins, failed logins with the client address, and administrative acts; filters and pages them', async () => {
    const failed = await api(hub, 'POST', '/api/v1/auth/login', {
      body: { username: 'town11.director', password: 'nope' },
    });
    expect(failed.status).toBe(401);
    const user = (await api(hub, 'GET', '/api/v1/admin/users?q=town11.director', { token: admin })).body.items[0];
    await api(hub, 'POST', `/api/v1/admin/users/${user.id}/disable`, { token: admin, body: {} });
    await api(hub, 'POST', `/api/v1/admin/users/${user.id}/enable`, { token: admin, body: {} });
    await api(hub, 'POST', `/api/v1/users/${user.id}/unlock`, { token: admin, body: {} });

    const page = async (query: string) =>
      (await api(hub, 'GET', `/api/v1/admin/audit?${query}`, { token: admin })).body;
    const fails = await page('action=login.failed');
    expect(fails.items[0]).toMatchObject({
      action: 'login.failed',
      target: 'town11.director',
      ip: '127.0.0.1',
      actorUsername: null,
    });
    const acts = await page('actor=admin&pageSize=50');
    const mine = acts.items
      .filter((e: { target: string }) => e.target === 'town11.director')
      .map((e: { action: string }) => e.action);
    expect(mine).toEqual(['user.unlocked', 'user.enabled', 'user.disabled']);
    expect((await page('action=users.imported')).items[0].detail).toBe('{"rows":3,"created":3}');
    expect((await page('action=login.succeeded&actor=admin')).total).toBeGreaterThanOrEqual(1);

    const all = await page('pageSize=3&page=1');
    const next = await page('pageSize=3&page=2');
    expect(all.items[0].id).toBe(all.total);
    expect(next.items[0].id).toBe(all.total - 3);
    expect((await page('from=2000-01-01&to=2000-01-02')).total).toBe(0);
    const bad = await api(hub, 'GET', '/api/v1/admin/audit?action=user.eaten', { token: admin });
    expect([bad.status, bad.body.error.code]).toEqual([400, 'validation_failed']);
    expect(() => hub.context.db.raw.prepare(`UPDATE admin_audit SET ip = 'x' WHERE id = 1`).run()).toThrow(
      /append-only/,
    );
    expect(() => hub.context.db.raw.prepare(`DELETE FROM admin_audit WHERE id = 1`).run()).toThrow(/append-only/);
  });

  it('keeps the view audit hashes as they were made before the chains shared one implementation', () => {
    const row = {
      id: 7,
      kind: 'view',
      at: 1764748800000,
      user_id: 'u-1',
      username: 'county.duty',
      user_display_name: '县值班员',
      user_unit_code: '431099',
      camera_id: 'cam-1',
      camera_code: '43109900001320000001',
      camera_name: '城关镇路口',
      camera_unit_code: '431099001',
      quality: 'main',
      reason: '核查警情',
      case_id: null,
      session_id: 's-1',
      token_id: 't-1',
      ip: '127.0.0.1',
      from_at: 1764748800000,
      to_at: 1764748860000,
      detail: null,
    };
    // Computed with hub/video-access/audit-chain.ts as of 98c6bc8.
    expect(rowHash('ab'.repeat(32), row)).toBe('9e912e15b90f544cf79bde18e551c0e15c612eeb5c6b0fd5211b6761cb7c4259');
  });

  it('npm run audit:verify checks both chains and names the admin-audit row an attacker edited or deleted', async () => {
    const cli = (path: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'hub/video-access/audit-verify-cli.ts', path], {
        encoding: 'utf8',
      });
    await hub.close();
    const ok = cli(hub.dbPath);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/view audit OK: \d+ rows/);
    expect(ok.stdout).toMatch(/admin audit OK: \d+ rows/);
    const tamper = (name: string, sql: string) => {
      const copy = join(hub.dir, name);
      copyFileSync(hub.dbPath, copy);
      const db = new Database(copy);
      db.exec(`DROP TRIGGER admin_audit_no_update; DROP TRIGGER admin_audit_no_delete; ${sql}`);
      db.close();
      return cli(copy);
    };
    const edited = tamper('edited.sqlite', `UPDATE admin_audit SET actor_username = 'county.duty' WHERE id = 2`);
    expect([edited.status, edited.stderr]).toEqual([
      1,
      expect.stringMatching(/admin audit BROKEN at row 2: row 2 was altered/),
    ]);
    expect(edited.stdout).toMatch(/view audit OK/);
    const deleted = tamper('deleted.sqlite', `DELETE FROM admin_audit WHERE id = 3`);
    expect(deleted.stderr).toMatch(/admin audit BROKEN at row 4: row 3 is missing/);
    const truncated = tamper(
      'truncated.sqlite',
      `DELETE FROM admin_audit WHERE id = (SELECT max(id) FROM admin_audit)`,
    );
    expect(truncated.stderr).toMatch(/admin audit BROKEN at the end of the chain/);
  });
});

describe('the first administrator (init)', () => {
  it('is created once on an empty data dir, signs in with the one-time password and must change it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grid-init-'));
    const dbPath = join(dir, 'data', 'hub.sqlite');
    try {
      const cli = spawnSync(
        process.execPath,
        ['--import', 'tsx', 'hub/cli.ts', 'init', '--county-code', '430102', '--county-name', '芙蓉区'],
        { encoding: 'utf8', env: { ...process.env, GRID_DEMO: '0', GRID_DATA_DIR: join(dir, 'data') } },
      );
      expect(cli.status, cli.stderr).toBe(0);
      const otp = /one-time password:\s+(\S+)/.exec(cli.stdout)?.[1];
      expect(otp).toMatch(/^\w{5}-\w{5}-\w{5}-\w{5}$/);
      const again = spawnSync(process.execPath, ['--import', 'tsx', 'hub/cli.ts', 'init'], {
        encoding: 'utf8',
        env: { ...process.env, GRID_DEMO: '0', GRID_DATA_DIR: join(dir, 'data') },
      });
      expect([again.status, again.stderr]).toEqual([1, expect.stringMatching(/users exist already/)]);
      await expect(initFirstAdmin(dbPath)).rejects.toMatchObject({ code: 'users_exist' });

      const real = await createHub({ dbPath, demo: false, supervisionIntervalMs: 0 });
      try {
        const first = await api(real, 'POST', '/api/v1/auth/login', { body: { username: 'admin', password: otp } });
        expect(first.body.user).toMatchObject({
          role: 'admin',
          orgUnitCode: '430102',
          orgUnitName: '芙蓉区',
          mustChangePassword: true,
        });
        const refused = await api(real, 'GET', '/api/v1/admin/users', { token: first.body.token });
        expect([refused.status, refused.body.error.code]).toEqual([403, 'password_change_required']);
        const changed = await api(real, 'POST', '/api/v1/auth/password', {
          token: first.body.token,
          body: { currentPassword: otp, newPassword: 'Furong-zhihui-2027' },
        });
        expect(changed.status).toBe(200);
        const users = await api(real, 'GET', '/api/v1/admin/users', { token: changed.body.token });
        expect(users.body.items.map((u: { username: string }) => u.username)).toEqual(['admin']);
        const audit = await api(real, 'GET', '/api/v1/admin/audit', { token: changed.body.token });
        expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual([
          'user.password_changed',
          'login.succeeded',
          'first_admin.created',
        ]);
      } finally {
        await real.close();
      }
      // Programmatically, on a second empty dir (what the "first day" end-to-end test calls).
      const other = join(dir, 'other.sqlite');
      const made = await initFirstAdmin(other, { countyCode: '430103', countyName: '天心区', username: 'root.admin' });
      expect(made).toMatchObject({ username: 'root.admin', countyCode: '430103' });
      await expect(initFirstAdmin(join(dir, 'third.sqlite'), { countyCode: '4301' })).rejects.toMatchObject({
        code: 'validation_failed',
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
