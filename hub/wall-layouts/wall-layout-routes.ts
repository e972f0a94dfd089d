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
import type { HubContext } from '../hub-context.js';
import { isCameraLentTo } from '../video-access/access-facts.js';
import { route } from '../http/route.js';
import {
  countLayouts,
  deleteLayout,
  getLayoutRowByName,
  insertLayout,
  layoutIdByName,
  listLayoutRows,
  updateLayout,
  type LayoutRow,
} from './wall-layouts-store.js';

type SavedInput = z.output<(typeof hubRoutes)['wallLayoutSave']['body']>;

/** What the `spec` column holds. */
const StoredSpec = zod.strictObject({
  cells: zod.array(WallCell),
  pageTour: WallPageTour.nullable(),
  alertCell: zod.number().int().nullable(),
});

const notOperator = () => new GridCommandError('forbidden', 'your role does not operate the wall');

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

export function listRoomLayouts(hub: HubContext, user: Principal): WallLayout[] {
  const now = hub.now();
  return listLayoutRows(hub.db, user.orgUnitCode)
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
      `the layout names cameras you may not view: ${refused.slice(0, 5).join(', ')}`,
      'cells',
      undefined,
      { cameraIds: refused.slice(0, 5).join(','), count: refused.length },
    );
  }
  const existing = layoutIdByName(hub.db, user.orgUnitCode, input.name);
  const write = { kind: input.kind, specJson: JSON.stringify(spec), userId: user.id, at: now };
  if (existing) {
    updateLayout(hub.db, existing, write);
  } else {
    if (countLayouts(hub.db, user.orgUnitCode) >= MAX_LAYOUTS_PER_ROOM) {
      throw new GridCommandError(
        'conflict',
        `a room keeps at most ${MAX_LAYOUTS_PER_ROOM} layouts`,
        'name',
        undefined,
        {
          limit: MAX_LAYOUTS_PER_ROOM,
        },
      );
    }
    insertLayout(hub.db, randomUUID(), user.orgUnitCode, input.name, write);
  }
  const row = getLayoutRowByName(hub.db, user.orgUnitCode, input.name);
  const layout = row && toLayout(hub, row, user, now);
  if (!layout) throw new GridCommandError('internal', 'layout not stored');
  return layout;
}

export function deleteRoomLayout(hub: HubContext, user: Principal, id: string): void {
  // Another room's layout answers like a missing one: ids of other rooms cannot be probed.
  if (!deleteLayout(hub.db, user.orgUnitCode, id)) {
    throw new GridCommandError('not_found', 'no such layout in your room');
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
