/**
 * zod schemas of the video wall's own state: named layouts saved per command room on the hub (so the next operator
 * in that room finds them), what the console casts to its wall displays, and the monitors a display can open on.
 *
 * A "command room" is the user's org unit: every console user of one unit shares its layouts. A layout holds only
 * cameras the saver may view (checked by the hub on save) and is checked again for the reader when loaded: ids no
 * longer permitted come back in `notPermitted`, and the wall shows those tiles as "not permitted".
 */
import { z } from 'zod';
import { OrgCode } from './schemas.js';

/**
 * Layouts of the wall: N×N grids, the merged ones (one big tile plus 5 or 7 small ones) and 2+8 (two big tiles side
 * by side above eight small ones).
 */
export const WALL_LAYOUT_KINDS = ['1', '4', '9', '16', '25', '36', '1+5', '1+7', '2+8'] as const;
export type WallLayoutKind = (typeof WALL_LAYOUT_KINDS)[number];

/** How many tiles each layout has. */
export const WALL_CELL_COUNTS: Readonly<Record<WallLayoutKind, number>> = {
  '1': 1,
  '4': 4,
  '9': 9,
  '16': 16,
  '25': 25,
  '36': 36,
  '1+5': 6,
  '1+7': 8,
  '2+8': 10,
};

export const MAX_WALL_CELLS = 36;
export const MIN_TOUR_DWELL_SECONDS = 5;
export const MAX_TOUR_DWELL_SECONDS = 3600;
/** Layouts one command room may keep. */
export const MAX_LAYOUTS_PER_ROOM = 100;

export const CameraRef = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a camera id');

/** A tour: cameras shown in turn, each for `dwellSeconds`. */
export const WallTour = z.strictObject({
  cameraIds: z.array(CameraRef).min(1).max(200),
  dwellSeconds: z.number().int().min(MIN_TOUR_DWELL_SECONDS).max(MAX_TOUR_DWELL_SECONDS),
});
export type WallTour = z.infer<typeof WallTour>;

/** One tile: a fixed camera, a tour of its own, or empty. */
export const WallCell = z.strictObject({
  cameraId: CameraRef.nullable(),
  tour: WallTour.nullable().default(null),
});
export type WallCell = z.infer<typeof WallCell>;

/** A whole-wall tour: pages of cameras (one per tile), the wall turning the page every `dwellSeconds`. */
export const WallPageTour = z.strictObject({
  pages: z.array(z.array(CameraRef.nullable()).max(MAX_WALL_CELLS)).min(1).max(50),
  dwellSeconds: z.number().int().min(MIN_TOUR_DWELL_SECONDS).max(MAX_TOUR_DWELL_SECONDS),
});
export type WallPageTour = z.infer<typeof WallPageTour>;

const LayoutName = z.string().trim().min(1, 'a name is required').max(40);

/** What an operator saves (`POST /api/v1/wall/layouts`): saving under an existing name replaces that layout. */
export const WallLayoutInput = z
  .strictObject({
    name: LayoutName,
    kind: z.enum(WALL_LAYOUT_KINDS),
    cells: z.array(WallCell).max(MAX_WALL_CELLS),
    pageTour: WallPageTour.nullable().default(null),
    /** The tile on which a new serious case proposes its nearest cameras (null: the last tile). */
    alertCell: z
      .number()
      .int()
      .min(0)
      .max(MAX_WALL_CELLS - 1)
      .nullable()
      .default(null),
  })
  .refine((layout) => layout.cells.length === WALL_CELL_COUNTS[layout.kind], {
    message: 'the number of tiles does not match the layout',
    path: ['cells'],
  })
  .refine((layout) => layout.alertCell === null || layout.alertCell < WALL_CELL_COUNTS[layout.kind], {
    message: 'the alert tile is outside the layout',
    path: ['alertCell'],
  });
export type WallLayoutInput = z.input<typeof WallLayoutInput>;

/** A saved layout as read back, with the cameras the reader may no longer view. */
export const WallLayout = z.strictObject({
  id: z.string(),
  unitCode: OrgCode,
  name: z.string(),
  kind: z.enum(WALL_LAYOUT_KINDS),
  cells: z.array(WallCell),
  pageTour: WallPageTour.nullable(),
  alertCell: z.number().int().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
  /** Camera ids of this layout the reader may not view now (scope changed, grant ended, camera removed). */
  notPermitted: z.array(z.string()),
});
export type WallLayout = z.infer<typeof WallLayout>;
export const WallLayoutList = z.strictObject({ items: z.array(WallLayout) });

export const WallLayoutIdParams = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not a layout id'),
});

/** What the console shows, cast to its wall displays (other windows of the same console session). */
export const WallCast = z.strictObject({
  kind: z.enum(WALL_LAYOUT_KINDS),
  /** The camera each tile shows right now (tours already applied), null for an empty tile. */
  cameraIds: z.array(CameraRef.nullable()).max(MAX_WALL_CELLS),
  maximized: z
    .number()
    .int()
    .min(0)
    .max(MAX_WALL_CELLS - 1)
    .nullable(),
  at: z.string(),
});
export type WallCast = z.infer<typeof WallCast>;

/** A monitor a wall display can open on (Electron); the web host has none and opens a browser tab instead. */
export const WallDisplayInfo = z.strictObject({
  id: z.number().int(),
  /** The OS's name for the monitor; empty when it has none (the console names it by position, in its language). */
  label: z.string(),
  width: z.number().int(),
  height: z.number().int(),
  primary: z.boolean(),
});
export type WallDisplayInfo = z.infer<typeof WallDisplayInfo>;

export const OpenWallDisplayRequest = z.strictObject({ displayId: z.number().int().nullable().default(null) });
/** `opened: false` means this host cannot open windows itself: the renderer opens `path` as its own page. */
export const OpenWallDisplayAnswer = z.strictObject({ opened: z.boolean(), path: z.string() });
export const WALL_DISPLAY_PATH = '#/wall-display';
