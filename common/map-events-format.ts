/**
 * The map's events as one columnar binary body (hub → main → renderer), never per-event JSON: a million events are
 * 22 MB of typed arrays that deck.gl takes as GPU attributes without a copy.
 *
 * Layout (little-endian; every column starts 4-byte aligned so typed-array views need no copy):
 *
 *   0  u32  magic 'GCME'            16  f64  period from (epoch ms)
 *   4  u16  format version          24  f64  period to (epoch ms, exclusive)
 *   6  u16  flags (bit 0: filtered on the hub by category/grade/status/source)
 *   8  u32  event count n           32  dictionary: UTF-8 JSON, zero-padded to a multiple of 8
 *  12  u32  dictionary byte length
 *
 * then the columns, each n long:
 *   position   f32 × 2  lon, lat (WGS84) interleaved — deck.gl's getPosition as is
 *   time       u32      report time, epoch seconds
 *   caseId     u32      the case's row id (its case number is derived from it and the report day, see caseNoOf)
 *   grid       u16      index into dictionary.grids
 *   categories u8 × 4   grade, major category, status, source interleaved — indices into the dictionary's lists,
 *                       the DataFilterExtension's getFilterCategory as is
 *
 * Events come grouped by grid in the order of dictionary.grids (itself sorted by code), so a grid's — or a village's,
 * a township's — events are one contiguous range: hover counts need no index.
 */

export const MAP_EVENTS_MAGIC = 0x454d4347; // 'GCME' read as a little-endian u32
export const MAP_EVENTS_VERSION = 1;
export const MAP_EVENTS_CONTENT_TYPE = 'application/octet-stream';
export const MAP_EVENTS_HEADER_BYTES = 32;
export const MAP_EVENT_BYTES = 22;
export const MAP_EVENTS_FLAG_FILTERED = 1;

/** Names behind the small integers of the `grid` and `categories` columns. */
export interface MapEventsDictionary {
  readonly grids: readonly string[];
  readonly grades: readonly string[];
  readonly majors: readonly string[];
  readonly statuses: readonly string[];
  readonly sources: readonly string[];
}

export interface MapEventsLayout {
  readonly dictionaryBytes: number;
  readonly position: number;
  readonly time: number;
  readonly caseId: number;
  readonly grid: number;
  readonly categories: number;
  readonly total: number;
}

const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** Byte offsets of every column for `count` events and a dictionary of `dictionaryBytes`. */
export function mapEventsLayout(count: number, dictionaryBytes: number): MapEventsLayout {
  const position = align8(MAP_EVENTS_HEADER_BYTES + dictionaryBytes);
  const time = position + 8 * count;
  const caseId = time + 4 * count;
  const grid = caseId + 4 * count;
  const categories = grid + 2 * count;
  return { dictionaryBytes, position, time, caseId, grid, categories, total: categories + 4 * count };
}

export interface MapEventsHeader {
  readonly count: number;
  readonly from: number;
  readonly to: number;
  readonly flags: number;
  readonly dictionary: MapEventsDictionary;
}

/**
 * Allocates the body and writes header and dictionary; the caller fills the columns at the returned offsets.
 * `allocate` lets the hub hand in Node's Buffer.allocUnsafe (the columns are all overwritten).
 */
export function startMapEventsBody(
  header: MapEventsHeader,
  allocate: (bytes: number) => Uint8Array = (bytes) => new Uint8Array(bytes),
): { bytes: Uint8Array; layout: MapEventsLayout } {
  const dictionary = new TextEncoder().encode(JSON.stringify(header.dictionary));
  const layout = mapEventsLayout(header.count, dictionary.byteLength);
  const bytes = allocate(layout.total);
  bytes.fill(0, 0, layout.position);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  view.setUint32(0, MAP_EVENTS_MAGIC, true);
  view.setUint16(4, MAP_EVENTS_VERSION, true);
  view.setUint16(6, header.flags, true);
  view.setUint32(8, header.count, true);
  view.setUint32(12, dictionary.byteLength, true);
  view.setFloat64(16, header.from, true);
  view.setFloat64(24, header.to, true);
  bytes.set(dictionary, MAP_EVENTS_HEADER_BYTES);
  return { bytes, layout };
}

/** Typed-array views over a body (no copy unless the bytes sit at an unaligned offset). */
export interface MapEvents extends MapEventsHeader {
  readonly position: Float32Array;
  readonly time: Uint32Array;
  readonly caseId: Uint32Array;
  readonly grid: Uint16Array;
  readonly categories: Uint8Array;
}

export class MapEventsFormatError extends Error {
  override readonly name = 'MapEventsFormatError';
}

export function decodeMapEvents(input: Uint8Array): MapEvents {
  // Views need 4-byte alignment: a body that arrives at an odd offset (a slice of a pooled buffer) is copied once.
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  if (bytes.byteLength < MAP_EVENTS_HEADER_BYTES) throw new MapEventsFormatError('map events: body too short');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAP_EVENTS_MAGIC) throw new MapEventsFormatError('map events: not a GCME body');
  const version = view.getUint16(4, true);
  if (version !== MAP_EVENTS_VERSION) throw new MapEventsFormatError(`map events: format version ${version}`);
  const count = view.getUint32(8, true);
  const layout = mapEventsLayout(count, view.getUint32(12, true));
  if (bytes.byteLength !== layout.total) {
    throw new MapEventsFormatError(`map events: ${bytes.byteLength} bytes, expected ${layout.total}`);
  }
  const json = new TextDecoder().decode(
    bytes.subarray(MAP_EVENTS_HEADER_BYTES, MAP_EVENTS_HEADER_BYTES + layout.dictionaryBytes),
  );
  const { buffer, byteOffset } = bytes;
  return {
    count,
    flags: view.getUint16(6, true),
    from: view.getFloat64(16, true),
    to: view.getFloat64(24, true),
    dictionary: JSON.parse(json) as MapEventsDictionary,
    position: new Float32Array(buffer, byteOffset + layout.position, 2 * count),
    time: new Uint32Array(buffer, byteOffset + layout.time, count),
    caseId: new Uint32Array(buffer, byteOffset + layout.caseId, count),
    grid: new Uint16Array(buffer, byteOffset + layout.grid, count),
    categories: new Uint8Array(buffer, byteOffset + layout.categories, 4 * count),
  };
}

/** Offsets of the four values inside one event's `categories` quadruple. */
export const CATEGORY_SLOT = { grade: 0, major: 1, status: 2, source: 3 } as const;
export type CategorySlot = keyof typeof CATEGORY_SLOT;

/**
 * The case number of an event: report day in Beijing + the row id, as the hub numbers cases
 * (hub/db/cases-store.ts; a test checks the two agree on every seeded case).
 */
export function caseNoOf(caseId: number, timeSeconds: number): string {
  const day = new Date(timeSeconds * 1000 + 8 * 3600_000).toISOString().slice(0, 10).replaceAll('-', '');
  return `${day}-${String(caseId).padStart(6, '0')}`;
}

/** The row id inside a case number, or null for numbers not made by caseNoOf. */
export function caseIdOfNo(caseNo: string): number | null {
  const match = /^\d{8}-(\d{6,})$/.exec(caseNo);
  return match ? Number(match[1]) : null;
}
