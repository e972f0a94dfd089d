/**
 * A real county's first day, without the demo, through the parts a county installs: `npm run hub -- init` (the CLI,
 * in its own process) on an empty data dir prints the first administrator's one-time password; a hub on that dir
 * with GRID_DEMO=0 and the web console's host in front of it (real HTTP, the calls the console's views make). The
 * administrator must change the password before anything else, then loads the sample county — org tree, cameras,
 * users — and a bad file on the way is refused whole and writes nothing. A township director signs in with the
 * one-time password the users import gave, must change it, sees exactly the township's cameras and an empty
 * board; a report the county takes in on the hotline reaches that board.
 *
 * The browser-level walk through the same views is tests/e2e/accounts-admin.spec.ts (forced password change,
 * users) and tests/e2e/county-admin.spec.ts (imports); this one is the whole day in one sitting.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createHub, type Hub } from '../../hub/server.js';
import { startWebHost, type WebHost } from '../../main/web-host/server.js';
import { fixtureFile, sampleFile } from '../support/county-hub.js';

const run = promisify(execFile);
let dir: string;
let rendererDir: string;
let hub: Hub;
let web: WebHost;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'grid-first-day-'));
  rendererDir = mkdtempSync(join(tmpdir(), 'grid-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>网格联动指挥台</title>');
}, 60_000);
afterAll(async () => {
  await web?.close();
  await hub?.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(rendererDir, { recursive: true, force: true });
});

/** One console in a browser: the web host's calls with the cookie it set. */
function consoleFor(host: WebHost) {
  let cookie = '';
  const call = async (method: string, body: unknown = {}) => {
    const res = await fetch(`${host.url}/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    const set = res.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return (await res.json()) as { ok: true; value: any } | { ok: false; error: { code: string; message: string } };
  };
  const value = async (method: string, body: unknown = {}) => {
    const answer = await call(method, body);
    if (!answer.ok) throw new Error(`${method}: ${answer.error.code} ${answer.error.message}`);
    return answer.value;
  };
  /** Signs in with a one-time password, is held to the password change, and makes it. */
  const firstSignIn = async (username: string, oneTimePassword: string, newPassword: string) => {
    const user = await value('session.login', { username, password: oneTimePassword });
    expect(user.mustChangePassword).toBe(true);
    expect(await call('cameras.list')).toMatchObject({ ok: false, error: { code: 'password_change_required' } });
    await value('session.changePassword', { currentPassword: oneTimePassword, newPassword });
  };
  return { call, value, firstSignIn };
}

it('init, the sample county loaded by its administrator, a township at work', async () => {
  const env = { ...process.env, GRID_DEMO: '0', GRID_DATA_DIR: dir, GRID_LOG_LEVEL: 'warn' };
  const init = await run('npx', ['tsx', 'hub/cli.ts', 'init', '--county-code', '439901', '--county-name', '青溪县'], {
    env,
  });
  const oneTime = /one-time password:\s+(\S+)/.exec(init.stdout)?.[1];
  expect(oneTime, init.stdout).toMatch(/^[A-Za-z0-9]{5}(-[A-Za-z0-9]{5}){3}$/);
  // Only once: a second init on the same dir is refused.
  await expect(run('npx', ['tsx', 'hub/cli.ts', 'init', '--county-code', '439901'], { env })).rejects.toThrow();

  hub = await createHub({ dbPath: join(dir, 'hub.sqlite'), demo: false, supervisionIntervalMs: 0 });
  web = await startWebHost({ hubUrl: hub.url, rendererDir });

  const admin = consoleFor(web);
  await admin.firstSignIn('admin', oneTime!, 'Qingxi-Admin-2026!');
  expect((await admin.value('session.current')).mustChangePassword).toBeFalsy();

  // A broken tree first: refused whole, nothing written (the county is still its bare root unit).
  const before = (await admin.value('org.units')).length;
  expect(
    await admin.call('admin.orgImport', { text: fixtureFile('child-outside-parent.geojson'), dryRun: false }),
  ).toMatchObject({
    ok: false,
    error: { code: 'import_invalid' },
  });
  expect((await admin.value('org.units')).length).toBe(before);

  const tree = await admin.value('admin.orgImport', { text: sampleFile('org-units.geojson'), dryRun: false });
  expect(tree).toMatchObject({ applied: true, problems: [] });
  const cameras = await admin.value('admin.cameraImport', {
    format: 'csv',
    text: sampleFile('cameras.csv'),
    dryRun: false,
  });
  expect(cameras).toMatchObject({ applied: true, problems: [] });
  const users = await admin.value('admin.importUsers', { csv: sampleFile('users.csv'), dryRun: false });
  expect(users.problems).toEqual([]);
  const otp = new Map<string, string>(users.created.map((u: any) => [u.username, u.oneTimePassword]));
  expect([...otp.keys()].sort()).toEqual(['cg_director', 'qx_duty', 'qx_wall', 'sq_director']);

  // 城关镇's director: exactly the township's cameras (unit codes under 439901001), an empty board.
  const director = consoleFor(web);
  await director.firstSignIn('cg_director', otp.get('cg_director')!, 'Chengguan-Zhang-2026!');
  const township = sampleFile('cameras.csv')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(','))
    .filter((cols) => cols[2]!.startsWith('439901001'))
    .map((cols) => `cam-${cols[0]}`)
    .sort();
  expect(township.length).toBeGreaterThan(0);
  expect((await director.value('cameras.list')).map((c: any) => c.id).sort()).toEqual(township);
  expect((await director.value('cases.board')).cases).toEqual([]);

  // The county takes a hotline call at a place in 城关镇 (its first camera's position): it reaches that board.
  const duty = consoleFor(web);
  await duty.firstSignIn('qx_duty', otp.get('qx_duty')!, 'Qingxi-Duty-2026!');
  const receipt = await duty.value('cases.report', {
    idempotencyKey: 'first-day-hotline-0001',
    report: {
      source: 'hotline',
      categoryName: '违法建设',
      location: { lon: 112.908216, lat: 28.106317 },
      description: '热线：东街农贸市场入口有人私搭乱建',
    },
  });
  expect(receipt.gridCode.startsWith('439901001')).toBe(true);
  expect((await director.value('cases.board')).cases.map((c: any) => c.id)).toEqual([receipt.caseId]);
  // …and not the other township's.
  const other = consoleFor(web);
  await other.firstSignIn('sq_director', otp.get('sq_director')!, 'Shiqiao-Liu-2026!');
  expect((await other.value('cases.board')).cases).toEqual([]);
}, 180_000);
