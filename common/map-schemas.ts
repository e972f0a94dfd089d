/**
 * zod schemas of the map: the events query (period + scope, optional hub-side filters), the boundaries of the
 * caller's scope, and the offline basemap's description. The events answer itself is binary (map-events-format.ts).
 */
import { z } from 'zod';
import { CaseGrade, CaseSource, CaseStatus } from './cases.js';
import { ORG_LEVELS } from './org.js';
import { OrgCode } from './schemas.js';
import { BoundedDateOrTime, instantOf } from './time-range.js';

/** Ten years: a longer period is a mistake, not a question for the command room. */
export const MAP_MAX_PERIOD_DAYS = 3660;

const Instant = BoundedDateOrTime;
const MajorCode = z.string().regex(/^\d{2}$/, 'not a major category code');

/** ISO date or date-time → epoch ms; a bare date is Beijing midnight (as the KPI route reads it). */
export const instantMs = instantOf;

const periodIsSane = (value: { from: string; to: string }, ctx: z.RefinementCtx) => {
  const from = instantMs(value.from);
  const to = instantMs(value.to);
  if (!(to > from)) ctx.addIssue({ code: 'custom', path: ['to'], message: 'to must be after from' });
  else if (to - from > MAP_MAX_PERIOD_DAYS * 86_400_000) {
    ctx.addIssue({ code: 'custom', path: ['to'], message: `period too long` });
  }
};

const filterFields = {
  /** A unit inside the caller's scope to narrow to (never wider than the scope). */
  orgUnit: OrgCode.optional(),
  grades: z.array(CaseGrade).max(8).optional(),
  majors: z.array(MajorCode).max(32).optional(),
  statuses: z.array(CaseStatus).max(16).optional(),
  sources: z.array(CaseSource).max(8).optional(),
};

/**
 * The console's `map.events` request. The renderer asks by period (and scope) only and filters on the GPU; the
 * category/grade/status/source lists are for other clients that want a smaller answer.
 */
export const MapEventsRequest = z
  .strictObject({ from: Instant, to: Instant, ...filterFields })
  .superRefine(periodIsSane);
export type MapEventsRequest = z.input<typeof MapEventsRequest>;

/** A comma-separated list in a query string. */
const csv = <T extends z.ZodType<string, string>>(item: T) =>
  z
    .string()
    .max(600)
    .transform((text) => text.split(',').filter((part) => part !== ''))
    .pipe(z.array(item).max(32));

/** The same request as the hub's query string (`GET /api/v1/map/events?from=…&to=…&grades=general,serious`). */
export const MapEventsQuery = z
  .strictObject({
    from: Instant,
    to: Instant,
    orgUnit: OrgCode.optional(),
    grades: csv(CaseGrade).optional(),
    majors: csv(MajorCode).optional(),
    statuses: csv(CaseStatus).optional(),
    sources: csv(CaseSource).optional(),
  })
  .superRefine(periodIsSane);
export type MapEventsQuery = z.output<typeof MapEventsQuery>;

/** The request as a query string for MapEventsQuery (lists comma-joined, absent fields left out). */
export function mapEventsSearchParams(request: z.output<typeof MapEventsRequest>): URLSearchParams {
  const params = new URLSearchParams({ from: request.from, to: request.to });
  if (request.orgUnit) params.set('orgUnit', request.orgUnit);
  for (const key of ['grades', 'majors', 'statuses', 'sources'] as const) {
    const list = request[key];
    if (list) params.set(key, list.join(','));
  }
  return params;
}

const Position = z.tuple([z.number().finite(), z.number().finite()]);
const Ring = z.array(Position).min(4);
export const BoundaryGeometry = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.strictObject({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);
export type BoundaryGeometry = z.infer<typeof BoundaryGeometry>;

export const MapBoundary = z.strictObject({
  code: OrgCode,
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  geometry: BoundaryGeometry,
});
export type MapBoundary = z.infer<typeof MapBoundary>;
export const MapBoundaries = z.strictObject({ items: z.array(MapBoundary) });
export type MapBoundaries = z.infer<typeof MapBoundaries>;

export const BASEMAP_FORMATS = ['png', 'jpg', 'webp'] as const;

/** What the console's tile host says about its MBTiles basemap (`…/tiles/metadata.json`). */
export const BasemapInfo = z.strictObject({
  available: z.boolean(),
  name: z.string().optional(),
  format: z.enum(BASEMAP_FORMATS).optional(),
  minZoom: z.number().int().min(0).max(24).optional(),
  maxZoom: z.number().int().min(0).max(24).optional(),
  bounds: z.tuple([z.number(), z.number(), z.number(), z.number()]).optional(),
  attribution: z.string().optional(),
});
export type BasemapInfo = z.infer<typeof BasemapInfo>;
