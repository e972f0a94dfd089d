/** Locating a reported point in its grid, on the seeded county's real polygons. */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, inject } from 'vitest';
import { HubDatabase } from '../../hub/db/database.js';
import { listOrgUnitsInScope } from '../../hub/org/org-units-store.js';
import { GridLocator } from '../../hub/org/grid-locator.js';

let dir: string;
let db: HubDatabase;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'grid-locator-'));
  copyFileSync(inject('templateDbPath'), join(dir, 'hub.sqlite'));
  db = new HubDatabase(join(dir, 'hub.sqlite'));
});
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('grid locator', () => {
  it('puts every grid’s own centre point in that grid', () => {
    const locator = GridLocator.fromDatabase(db);
    const grids = listOrgUnitsInScope(db, '431099').filter((u) => u.level === 'grid');
    expect(grids).toHaveLength(907);
    const wrong = grids.filter((g) => locator.locate(g.center[0], g.center[1]) !== g.code).map((g) => g.code);
    expect(wrong).toEqual([]);
  });

  it('finds no grid outside the county, nor for non-numbers', () => {
    const locator = GridLocator.fromDatabase(db);
    expect(locator.locate(116.4, 39.9)).toBeNull(); // Beijing
    expect(locator.locate(112.2, 27.5)).toBeNull(); // well north of the county
    expect(locator.locate(Number.NaN, 25.9)).toBeNull();
    expect(locator.locate(Number.POSITIVE_INFINITY, 25.9)).toBeNull();
  });
});
