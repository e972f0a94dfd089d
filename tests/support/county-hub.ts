/**
 * A hub on an empty data dir (GRID_DEMO=0) for loading a county. The first administrator is created here the way
 * `npm run hub -- init` will (issue 13 §1, another change): in the county's root unit, which the org-tree import then
 * fills in by code. Users of the sample's users.csv are added the same direct way until the users import exists.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { hashPassword } from '../../hub/auth/passwords.js';
import { insertUser } from '../../hub/auth/users-store.js';
import { insertOrgUnits } from '../../hub/org/org-units-store.js';
import { createHub, type Hub, type HubOptions } from '../../hub/server.js';
import type { Role } from '../../common/roles.js';
import { TEST_CLIP_SPEC } from './video-test-hub.js';
import { api } from './test-hub.js';

export const SAMPLE_DIR = join(import.meta.dirname, '../../resources/sample-county');
export const FIXTURE_DIR = join(import.meta.dirname, '../fixtures/county');
export const SAMPLE_COUNTY = '439901';
export const TEST_PASSWORD = 'County-Test-2026!';

export const sampleFile = (name: string) => readFileSync(join(SAMPLE_DIR, name), 'utf8');
export const fixtureFile = (name: string) => readFileSync(join(FIXTURE_DIR, name), 'utf8');

export interface CountyHub extends Hub {
  readonly dir: string;
  /** Every log line the hub wrote. */
  readonly logText: () => string;
  dispose(): Promise<void>;
}

export async function startCountyHub(options: Partial<HubOptions> = {}): Promise<CountyHub> {
  const dir = mkdtempSync(join(tmpdir(), 'grid-county-'));
  let log = '';
  const stream = new Writable({
    write(chunk: Buffer, _enc, done) {
      log += chunk.toString('utf8');
      done();
    },
  });
  const hub = await createHub({
    dbPath: join(dir, 'hub.sqlite'),
    demo: false,
    supervisionIntervalMs: 0,
    log: { level: 'info', stdout: false, stream },
    video: {
      media: {
        cacheDir: join(tmpdir(), 'grid-test-media-cache'),
        clips: TEST_CLIP_SPEC,
        idleStopMs: 1000,
        startTimeoutMs: 15_000,
        liveEncodedCameraIds: [],
        allowFileSources: true,
      },
    },
    ...options,
  });
  const db = hub.context.db;
  // What init will do: the county's root unit (code and name only) and the first administrator in it.
  insertOrgUnits(db, [
    {
      code: SAMPLE_COUNTY,
      name: '待导入',
      level: 'county',
      kind: 'county',
      parentCode: null,
      population: 0,
      households: 0,
      center: [0, 0],
      boundary: null,
    },
  ]);
  await addUser(hub, 'admin1', 'admin', SAMPLE_COUNTY);
  return {
    ...hub,
    dir,
    logText: () => log,
    async dispose() {
      await hub.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export async function addUser(hub: Hub, username: string, role: Role, unit: string): Promise<void> {
  insertUser(hub.context.db, {
    id: randomUUID(),
    username,
    displayName: username,
    role,
    orgUnitCode: unit,
    passwordHash: await hashPassword(TEST_PASSWORD),
    isDemoPassword: false,
    createdAt: Date.now(),
  });
}

/** The sample's users.csv, added directly (stand-in for the users import). */
export async function addSampleUsers(hub: Hub): Promise<void> {
  const [, ...lines] = sampleFile('users.csv').trim().split('\n');
  for (const line of lines) {
    const [username, , role, unit] = line.split(',');
    await addUser(hub, username!, role as Role, unit!);
  }
}

export async function loginAs(hub: Hub, username: string): Promise<string> {
  const res = await api(hub, 'POST', '/api/v1/auth/login', { body: { username, password: TEST_PASSWORD } });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body.token as string;
}

export const orgImport = (hub: Hub, token: string, text: string, dryRun: boolean) =>
  api(hub, 'POST', '/api/v1/admin/org-import', { token, body: { text, dryRun } });

export const cameraImport = (hub: Hub, token: string, text: string, dryRun: boolean, format = 'csv') =>
  api(hub, 'POST', '/api/v1/admin/camera-import', { token, body: { format, text, dryRun } });
