/**
 * The map's events query: the chunks of the scope and period (cut in SQL by grid-code range and bucket), trimmed to
 * the period by binary search on each chunk's sorted times, optionally filtered by category/grade/status/source,
 * and copied column by column into one binary body (common/map-events-format.ts). Without filters the work is
 * memcpy: a million events in tens of milliseconds.
 */
import {
  CATEGORY_SLOT,
  MAP_EVENTS_FLAG_FILTERED,
  startMapEventsBody,
  type MapEventsDictionary,
} from '../../common/map-events-format.js';
import type { MapEventsQuery } from '../../common/map-schemas.js';
import { instantMs } from '../../common/map-schemas.js';
import type { HubDatabase } from '../db/database.js';
import { bucketOf, currentChunk, listChunks, type Chunk, type ChunkKey } from './event-chunks.js';
import type { EventCoding } from './event-dictionary.js';

/** Beyond this an answer is refused: the console asks for a shorter period instead of a 100 MB body. */
export const MAX_MAP_EVENTS = 5_000_000;

export interface MapEventsAnswer {
  readonly body: Uint8Array;
  readonly count: number;
  /** Chunks rebuilt from `cases` for this answer, for the caller to store. */
  readonly built: Array<{ key: ChunkKey; chunk: Chunk }>;
}

export class TooManyMapEvents extends Error {
  constructor(readonly count: number) {
    super(`map: ${count} events`);
  }
}

interface Piece {
  readonly chunk: Chunk;
  readonly grid: number;
  readonly from: number;
  readonly to: number;
  /** Event indices inside the chunk when a filter picks some; null = the whole range [from, to). */
  readonly picked: Uint32Array | null;
}

/** First index whose time is ≥ t (times ascending). */
function lowerBound(times: Uint32Array, t: number): number {
  let lo = 0;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A bit per allowed value in each of the four category slots; null when the query filters nothing. */
function categoryMasks(query: MapEventsQuery, coding: EventCoding): Uint32Array | null {
  const lists = [query.grades, query.majors, query.statuses, query.sources];
  if (lists.every((list) => list === undefined)) return null;
  const maps = [coding.grade, coding.major, coding.status, coding.source];
  return Uint32Array.from(lists, (list, slot) => {
    if (list === undefined) return 0xffffffff;
    return (list as readonly string[]).reduce((mask, value) => {
      const index = maps[slot]!.get(value);
      return index === undefined ? mask : (mask | (1 << index)) >>> 0;
    }, 0);
  });
}

function pick(chunk: Chunk, from: number, to: number, masks: Uint32Array): Uint32Array {
  const picked: number[] = [];
  const c = chunk.categories;
  for (let i = from; i < to; i++) {
    if (
      (masks[0]! >>> c[4 * i + CATEGORY_SLOT.grade]!) & 1 &&
      (masks[1]! >>> c[4 * i + CATEGORY_SLOT.major]!) & 1 &&
      (masks[2]! >>> c[4 * i + CATEGORY_SLOT.status]!) & 1 &&
      (masks[3]! >>> c[4 * i + CATEGORY_SLOT.source]!) & 1
    ) {
      picked.push(i);
    }
  }
  return Uint32Array.from(picked);
}

/**
 * Events of `scopeCode`'s subtree (the caller has already checked the scope is the user's or inside it) reported
 * in [from, to), to whole seconds. Synchronous, so the chunk list and their bytes are one consistent read.
 */
export function queryMapEvents(
  db: HubDatabase,
  coding: EventCoding,
  scopeCode: string,
  query: MapEventsQuery,
  allocate?: (bytes: number) => Uint8Array,
): MapEventsAnswer {
  const from = instantMs(query.from);
  const to = instantMs(query.to);
  const fromSec = Math.ceil(from / 1000);
  const toSec = Math.ceil(to / 1000);
  const masks = categoryMasks(query, coding);
  const built: MapEventsAnswer['built'] = [];
  const grids: string[] = [];
  const pieces: Piece[] = [];
  let count = 0;

  for (const key of listChunks(db, scopeCode, bucketOf(from), bucketOf(to - 1))) {
    const chunk = currentChunk(db, coding, key, (k, c) => built.push({ key: k, chunk: c }));
    const lo = lowerBound(chunk.time, fromSec);
    const hi = lowerBound(chunk.time, toSec);
    const picked = masks ? pick(chunk, lo, hi, masks) : null;
    const n = picked ? picked.length : hi - lo;
    if (n === 0) continue;
    if (grids.at(-1) !== key.grid) grids.push(key.grid);
    pieces.push({ chunk, grid: grids.length - 1, from: lo, to: hi, picked });
    count += n;
  }
  if (count > MAX_MAP_EVENTS) throw new TooManyMapEvents(count);
  if (grids.length > 0xffff) throw new Error('map: more grids than the u16 grid column holds');

  const dictionary: MapEventsDictionary = { grids, ...coding.lists };
  const { bytes, layout } = startMapEventsBody(
    { count, from, to, flags: masks ? MAP_EVENTS_FLAG_FILTERED : 0, dictionary },
    allocate,
  );
  const { buffer, byteOffset } = bytes;
  const position = new Float32Array(buffer, byteOffset + layout.position, 2 * count);
  const time = new Uint32Array(buffer, byteOffset + layout.time, count);
  const caseId = new Uint32Array(buffer, byteOffset + layout.caseId, count);
  const grid = new Uint16Array(buffer, byteOffset + layout.grid, count);
  const categories = new Uint8Array(buffer, byteOffset + layout.categories, 4 * count);

  let at = 0;
  for (const piece of pieces) {
    const { chunk, picked } = piece;
    if (picked) {
      for (const i of picked) {
        position[2 * at] = chunk.position[2 * i]!;
        position[2 * at + 1] = chunk.position[2 * i + 1]!;
        time[at] = chunk.time[i]!;
        caseId[at] = chunk.caseId[i]!;
        grid[at] = piece.grid;
        categories.set(chunk.categories.subarray(4 * i, 4 * i + 4), 4 * at);
        at += 1;
      }
      continue;
    }
    const n = piece.to - piece.from;
    position.set(chunk.position.subarray(2 * piece.from, 2 * piece.to), 2 * at);
    time.set(chunk.time.subarray(piece.from, piece.to), at);
    caseId.set(chunk.caseId.subarray(piece.from, piece.to), at);
    grid.fill(piece.grid, at, at + n);
    categories.set(chunk.categories.subarray(4 * piece.from, 4 * piece.to), 4 * at);
    at += n;
  }
  return { body: bytes, count, built };
}
