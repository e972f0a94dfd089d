/**
 * Builds X County inside an empty hub database: org tree with boundaries, cameras, demo users. Runs once, in one
 * transaction, on the first start in demo mode. Historical events are added by `seedHooks` (the dispatch feature
 * passes its history generator in), so this file need not know about cases.
 */
import { randomUUID } from 'node:crypto';
import { hashPassword } from '../auth/passwords.js';
import type { HubDatabase } from '../db/database.js';
import { insertCameras } from '../cameras/cameras-store.js';
import { getMeta, setMeta } from '../db/meta-store.js';
import { insertOrgUnits } from '../org/org-units-store.js';
import { insertUser } from '../auth/users-store.js';
import { DEMO_PASSWORD, demoUserSpecs } from './demo-users.js';
import { generateDemoCounty, type DemoCounty } from './generate-county.js';
import { silentProgress, type Progress } from '../progress.js';

export const DEMO_SEED = 20201;

/** Extra demo content seeded after the county exists (e.g. historical events). Run inside the same transaction. */
export type DemoSeedHook = (db: HubDatabase, county: DemoCounty, now: () => number) => void;

export async function seedDemoCountyIfEmpty(
  db: HubDatabase,
  now: () => number,
  hooks: readonly DemoSeedHook[] = [],
  progress: Progress = silentProgress,
): Promise<boolean> {
  if (getMeta(db, 'county_code')) return false;
  const generating = progress.step('demo county: generating units and cameras');
  const county = generateDemoCounty(DEMO_SEED);
  generating.done(
    `${county.orgUnits.length.toLocaleString('en-US')} units, ${county.cameras.length.toLocaleString('en-US')} cameras`,
  );
  const units = county.orgUnits;
  const byLevel = (level: string, kind?: string) =>
    units
      .filter((u) => u.level === level && (kind === undefined || u.kind === kind))
      .map((u) => u.code)
      .sort();
  const specs = demoUserSpecs({
    countyCode: county.county.code,
    townshipCodes: byLevel('township'),
    firstVillageCode: byLevel('village', 'village')[0]!,
    firstCommunityCode: byLevel('village', 'community')[0]!,
    firstGridCode: byLevel('grid')[0]!,
  });
  // Hash before the transaction: scrypt is async and a transaction must not span an await.
  const hashing = progress.step('demo county: hashing passwords', specs.length, 'accounts');
  const hashes = await Promise.all(
    specs.map(async () => {
      const hash = await hashPassword(DEMO_PASSWORD);
      hashing.advance();
      return hash;
    }),
  );
  hashing.done();
  const writing = progress.step('demo county: writing');

  db.transaction(() => {
    insertOrgUnits(
      db,
      units.map((u) => ({ ...u, boundary: JSON.stringify(u.boundary) })),
    );
    insertCameras(
      db,
      county.cameras.map((c) => ({ ...c, online: true })),
    );
    specs.forEach((spec, i) =>
      insertUser(db, { ...spec, id: randomUUID(), passwordHash: hashes[i]!, isDemoPassword: true, createdAt: now() }),
    );
    for (const hook of hooks) hook(db, county, now);
    setMeta(db, 'county_code', county.county.code);
    setMeta(db, 'demo_seed', String(DEMO_SEED));
  });
  writing.done(
    `${units.length.toLocaleString('en-US')} units, ${county.cameras.length.toLocaleString('en-US')} cameras, ${specs.length} accounts`,
  );
  return true;
}
