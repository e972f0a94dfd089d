/**
 * The org-tree import (administrators only): a GeoJSON file of the whole county, checked by org-import-validate.ts,
 * compared with the stored tree by code, then written in one transaction. The file is the tree: a unit it no longer
 * holds is removed — unless anything still points at it (cameras, cases, users, layouts, grants), in which case the
 * whole import is refused with the list, so a re-import can never orphan a case or a camera.
 *
 * After a real run every cache of the tree is rebuilt before the answer is sent: the grid locator (intake),
 * the map's boundaries. Scope and camera lists are read from the database on every request.
 */
import { pointOnFeature } from '@turf/turf';
import { GridCommandError } from '../../common/errors.js';
import type { ImportProblem, ImportReport } from '../../common/county-import.js';
import { parentCode } from '../../common/org.js';
import type { User } from '../../common/schemas.js';
import { holdsValidPost } from '../../common/scope-policy.js';
import { setMeta } from '../db/meta-store.js';
import { recordAdminAct, type AdminActor } from '../admin-audit/admin-audit-store.js';
import type { HubContext } from '../hub-context.js';
import { forgetBoundaries } from '../map/boundaries.js';
import type { OrgUnitRecord } from './org-units-store.js';
import { GridLocator } from './grid-locator.js';
import { checkOrgGeometry, parseOrgFile, type ImportedUnit } from './org-import-validate.js';
import {
  deleteUnits,
  insertImportedUnit,
  storedUnits,
  unitsHoldingAnything,
  updateImportedUnit,
} from './org-import-store.js';

/** Loading a county is the administrator's; no other role, and not one whose post is no longer valid. */
export function requireCountyAdmin(user: User): void {
  if (user.role !== 'admin' || !holdsValidPost(user)) {
    throw new GridCommandError('forbidden', 'only an administrator may load or change the county', undefined, 403);
  }
}

const round6 = (x: number) => Math.round(x * 1e6) / 1e6;

function toWrite(unit: ImportedUnit): OrgUnitRecord {
  const [lon, lat] = pointOnFeature(unit.geometry).geometry.coordinates as [number, number];
  return {
    code: unit.code,
    name: unit.name,
    level: unit.level,
    kind: unit.kind,
    parentCode: unit.parentCode,
    population: unit.population,
    households: unit.households,
    center: [round6(lon), round6(lat)],
    boundary: JSON.stringify(unit.geometry),
  };
}

function sameUnit(a: OrgUnitRecord, b: OrgUnitRecord): boolean {
  return (
    a.name === b.name &&
    a.kind === b.kind &&
    a.population === b.population &&
    a.households === b.households &&
    a.boundary === b.boundary
  );
}

interface Plan {
  readonly county: string | null;
  readonly added: OrgUnitRecord[];
  readonly updated: OrgUnitRecord[];
  readonly unchanged: number;
  readonly removed: string[];
}

function planImport(ctx: HubContext, units: readonly ImportedUnit[]): Plan {
  const stored = storedUnits(ctx.db);
  const plan: Plan = { county: null, added: [], updated: [], unchanged: 0, removed: [] };
  const inFile = new Set<string>();
  for (const unit of [...units].sort((a, b) => a.code.length - b.code.length || a.code.localeCompare(b.code))) {
    inFile.add(unit.code);
    const write = toWrite(unit);
    const before = stored.get(unit.code);
    if (!before) plan.added.push(write);
    else if (!sameUnit(write, before)) plan.updated.push(write);
    else (plan as { unchanged: number }).unchanged += 1;
    if (unit.level === 'county') (plan as { county: string | null }).county = unit.code;
  }
  plan.removed.push(...[...stored.keys()].filter((code) => !inFile.has(code)));
  return plan;
}

function orphanProblems(ctx: HubContext, removed: readonly string[]): ImportProblem[] {
  const held = unitsHoldingAnything(ctx.db, removed);
  return [...held].map(([code, what]) => ({
    at: 0,
    code,
    kind: 'unit_in_use',
    message: `unit ${code} is not in the file but still holds ${what.join(', ')}; it cannot be removed`,
  }));
}

/** The caches built from the tree, rebuilt from the database as it now stands. */
export function refreshOrgCaches(ctx: HubContext): void {
  ctx.gridLocator = GridLocator.fromDatabase(ctx.db);
  forgetBoundaries(ctx.db);
}

function summary(problems: readonly ImportProblem[]): string {
  const shown = problems
    .slice(0, 10)
    .map((p) => `#${p.at}${p.code ? ` ${p.code}` : ''}: ${p.message}`)
    .join('; ');
  return problems.length > 10 ? `${shown}; … ${problems.length - 10} more (run a dry run for all)` : shown;
}

/** 409 with the list when units that still hold something would leave the tree. */
function refuseOrphans(orphans: readonly ImportProblem[]): void {
  if (orphans.length === 0) return;
  throw new GridCommandError(
    'unit_in_use',
    `units still in use would disappear, nothing was written: ${summary(orphans)}`,
    'text',
    undefined,
    { units: orphans.map((o) => o.code).join(', ') },
  );
}

/** Who runs an administrative write and from where: the admin audit's row (hub/admin-audit/). */
export interface AdminCaller {
  readonly actor: AdminActor;
  readonly ip: string | null;
}

export async function importOrgTree(
  ctx: HubContext,
  text: string,
  dryRun: boolean,
  caller: AdminCaller | null = null,
): Promise<ImportReport> {
  const started = performance.now();
  const parsed = parseOrgFile(text);
  const problems = [...parsed.problems];
  // Geometry is checked between units whose own checks passed; a broken file still gets every problem listed.
  const incomplete = new Set(parsed.problems.flatMap((p) => (p.code ? [parentCode(p.code) ?? ''] : [])));
  problems.push(...checkOrgGeometry(parsed.units, incomplete));
  problems.sort((a, b) => a.at - b.at);
  const plan = planImport(ctx, parsed.units);
  const orphans = orphanProblems(ctx, plan.removed);
  const counts = {
    total: parsed.features,
    added: plan.added.length,
    updated: plan.updated.length,
    unchanged: plan.unchanged,
    removed: plan.removed.length,
  };
  if (dryRun) {
    // The file's own problems first: units in use are listed after them (a foreign file may list hundreds).
    return { dryRun, applied: false, problems: [...problems, ...orphans], counts, tookMs: performance.now() - started };
  }
  if (problems.length > 0) {
    throw new GridCommandError(
      'import_invalid',
      `the file has ${problems.length} problem(s), nothing was written: ${summary(problems)}`,
      'text',
      undefined,
      { problems: problems.length },
    );
  }
  refuseOrphans(orphans);
  const at = ctx.now();
  await ctx.writes.run(() => {
    // Checked again inside the transaction: a case or camera may have landed in a unit since the plan was made.
    refuseOrphans(orphanProblems(ctx, plan.removed));
    for (const unit of plan.added) insertImportedUnit(ctx.db, unit, at);
    for (const unit of plan.updated) updateImportedUnit(ctx.db, unit, at);
    deleteUnits(ctx.db, plan.removed);
    if (plan.county) setMeta(ctx.db, 'county_code', plan.county);
    recordAdminAct(ctx.db, {
      actor: caller?.actor ?? null,
      action: 'org.imported',
      target: plan.county ?? null,
      detail: { ...counts, removedCodes: plan.removed.slice(0, 200), bytes: Buffer.byteLength(text) },
      ip: caller?.ip ?? null,
      at,
    });
  });
  refreshOrgCaches(ctx);
  return { dryRun, applied: true, problems: [], counts, tookMs: performance.now() - started };
}
