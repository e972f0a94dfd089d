/**
 * Named video-wall layouts per command room (`/api/v1/wall/layouts`): a room is the caller's org unit, so every
 * console user of one unit shares them. Saving checks that every camera of the layout (tiles and tours) is one the
 * saver may view; reading checks again for the reader and lists the ids no longer permitted, which the wall shows as
 * "not permitted" instead of asking for a stream the hub would refuse anyway.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { isWithinScope } from '../../common/org.js';
import { roleAllows, type Principal } from '../../common/scope-policy.js';
import {
  MAX_LAYOUTS_PER_ROOM,
  WallCell,
  WallPageTour,
  type WallLayout,
  type WallLayoutKind,
} from '../../common/wall-schemas.js';
import type { z } from 'zod';
import { z as zod } from 'zod';
import { getCamera } from '../cameras/cameras-store.js';
import { sql } from '../db/sql.js';
import type { HubContext } from '../hub-context.js';
import { isCameraLentTo } from '../video-access/access-facts.js';
import { route } from '../http/route.js';

type SavedInput = z.output<(typeof hubRoutes)['wallLayoutSave']['body']>;

/** What the `spec` column holds. */
const StoredSpec = zod.strictObject({
  cells: zod.array(WallCell),
  pageTour: WallPageTour.nullable(),
  alertCell: zod.number().int().nullable(),
});

interface LayoutRow {
  id: string;
  unit_code: string;
  name: string;
  kind: string;
  spec: string;
  updated_at: number;
  updated_by_name: string | null;
}

const notOperator = () =>
  new GridCommandError('forbidden', '无权操作视频墙 / your role does not operate the wall', undefined, 403);

/** Every camera a layout names: fixed tiles, per-tile tours and whole-wall tour pages. */
export function layoutCameraIds(spec: z.output<typeof StoredSpec>): string[] {
  const ids = new Set<string>();
  for (const cell of spec.cells) {
    if (cell.cameraId) ids.add(cell.cameraId);
    for (const id of cell.tour?.cameraIds ?? []) ids.add(id);
  }
  for (const page of spec.pageTour?.pages ?? []) for (const id of page) if (id) ids.add(id);
  return [...ids];
}

/** May this user view the camera now? In scope, or lent to exactly its unit. Unknown cameras: no. */
function mayView(hub: HubContext, user: Principal, cameraId: string, now: number): boolean {
  const camera = getCamera(hub.db, cameraId);
  if (!camera || !roleAllows(user, 'camera.view')) return false;
  return isWithinScope(user.orgUnitCode, camera.orgUnitCode) || isCameraLentTo(hub.db, cameraId, user.orgUnitCode, now);
}

function toLayout(hub: HubContext, row: LayoutRow, reader: Principal, now: number): WallLayout | null {
  let spec: z.output<typeof StoredSpec>;
  try {
    spec = StoredSpec.parse(JSON.parse(row.spec));
  } catch (err) {
    // A row this hub version cannot read is left out rather than breaking the whole list.
    hub.log.warn({ err, layoutId: row.id }, 'stored wall layout unreadable, left out');
    return null;
  }
  return {
    id: row.id,
    unitCode: row.unit_code,
    name: row.name,
    kind: row.kind as WallLayoutKind,
    cells: spec.cells,
    pageTour: spec.pageTour,
    alertCell: spec.alertCell,
    updatedAt: new Date(row.updated_at).toISOString(),
    updatedBy: row.updated_by_name ?? '',
    notPermitted: layoutCameraIds(spec).filter((id) => !mayView(hub, reader, id, now)),
  };
}

const SELECT_LAYOUT = sql`
  SELECT l.id, l.unit_code, l.name, l.kind, l.spec, l.updated_at, u.display_name AS updated_by_name
  FROM wall_layouts l LEFT JOIN users u ON u.id = l.updated_by`;

export function listRoomLayouts(hub: HubContext, user: Principal): WallLayout[] {
  const now = hub.now();
  return hub.db
    .all<LayoutRow>(sql`${SELECT_LAYOUT} WHERE l.unit_code = ${user.orgUnitCode} ORDER BY l.name`)
    .map((row) => toLayout(hub, row, user, now))
    .filter((layout): layout is WallLayout => layout !== null);
}

export function saveRoomLayout(hub: HubContext, user: Principal & { id: string }, input: SavedInput): WallLayout {
  const now = hub.now();
  const spec = { cells: input.cells, pageTour: input.pageTour, alertCell: input.alertCell };
  const refused = layoutCameraIds(spec).filter((id) => !mayView(hub, user, id, now));
  if (refused.length > 0) {
    throw new GridCommandError(
      'forbidden',
      `布局含无权查看的摄像机 / the layout names cameras you may not view: ${refused.slice(0, 5).join(', ')}`,
      'cells',
      403,
    );
  }
  const existing = hub.db.get<{ id: string }>(sql`
    SELECT id FROM wall_layouts WHERE unit_code = ${user.orgUnitCode} AND name = ${input.name}`);
  const json = JSON.stringify(spec);
  if (existing) {
    hub.db.run(sql`
      UPDATE wall_layouts SET kind = ${input.kind}, spec = ${json}, updated_by = ${user.id}, updated_at = ${now}
      WHERE id = ${existing.id}`);
  } else {
    const count = hub.db.get<{ n: number }>(sql`
      SELECT count(*) AS n FROM wall_layouts WHERE unit_code = ${user.orgUnitCode}`);
    if ((count?.n ?? 0) >= MAX_LAYOUTS_PER_ROOM) {
      throw new GridCommandError(
        'conflict',
        `本指挥室最多保存 ${MAX_LAYOUTS_PER_ROOM} 个布局 / a room keeps at most ${MAX_LAYOUTS_PER_ROOM} layouts`,
        'name',
        409,
      );
    }
    hub.db.run(sql`
      INSERT INTO wall_layouts (id, unit_code, name, kind, spec, created_by, created_at, updated_by, updated_at)
      VALUES (${randomUUID()}, ${user.orgUnitCode}, ${input.name}, ${input.kind}, ${json}, ${user.id}, ${now},
              ${user.id}, ${now})`);
  }
  const row = hub.db.get<LayoutRow>(sql`
    ${SELECT_LAYOUT} WHERE l.unit_code = ${user.orgUnitCode} AND l.name = ${input.name}`);
  const layout = row && toLayout(hub, row, user, now);
  if (!layout) throw new GridCommandError('internal', 'layout not stored', undefined, 500);
  return layout;
}

export function deleteRoomLayout(hub: HubContext, user: Principal, id: string): void {
  // Another room's layout answers like a missing one: ids of other rooms cannot be probed.
  const result = hub.db.run(sql`DELETE FROM wall_layouts WHERE id = ${id} AND unit_code = ${user.orgUnitCode}`);
  if (result.changes === 0) {
    throw new GridCommandError('not_found', '没有此布局 / no such layout in your room', undefined, 404);
  }
}

export function registerWallLayoutRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.wallLayouts, ({ session }) => {
    if (!roleAllows(session.user, 'wall.operate')) throw notOperator();
    return { items: listRoomLayouts(hub, session.user) };
  });

  route(app, hub, hubRoutes.wallLayoutSave, ({ session, body }) => {
    if (!roleAllows(session.user, 'wall.operate')) throw notOperator();
    return hub.writes.run(() => saveRoomLayout(hub, session.user, body));
  });

  route(app, hub, hubRoutes.wallLayoutDelete, ({ session, params }) => {
    if (!roleAllows(session.user, 'wall.operate')) throw notOperator();
    return hub.writes.run(() => {
      deleteRoomLayout(hub, session.user, params.id);
      return { ok: true as const };
    });
  });
}
