/**
 * Chunks of the map's events index (migration 0006): one grid × one 365-day bucket, its events sorted by report
 * time and packed as columns — position f32×2, time u32 (epoch s), case id u32, categories u8×4 — 20 bytes an event.
 *
 * A chunk is current when its bytes carry the generation `map_chunks` holds (triggers bump it on every write that
 * touches the chunk). Current bytes are served from memory, else from `map_chunk_data`, else rebuilt from `cases`.
 */
import { MAP_CHUNK_SPAN_MS } from '../db/migrations/0006-map-indexes.js';
import type { HubDatabase } from '../db/database.js';
import { inSubtree, sql } from '../db/sql.js';
import { majorCodeOf } from '../../common/taxonomy.js';
import type { EventCoding } from './event-dictionary.js';

export const CHUNK_SPAN_MS = MAP_CHUNK_SPAN_MS;
export const CHUNK_EVENT_BYTES = 20;

export interface Chunk {
  readonly n: number;
  readonly bytes: Uint8Array;
  readonly position: Float32Array;
  readonly time: Uint32Array;
  readonly caseId: Uint32Array;
  readonly categories: Uint8Array;
}

export interface ChunkKey {
  readonly grid: string;
  readonly bucket: number;
  readonly gen: number;
}

export const bucketOf = (epochMs: number): number => Math.floor(epochMs / CHUNK_SPAN_MS);

/** Views over a chunk's bytes (copied once if they sit at an offset a Float32Array cannot start at). */
export function chunkFromBytes(input: Uint8Array, n: number): Chunk {
  if (input.byteLength !== n * CHUNK_EVENT_BYTES) throw new Error(`map chunk: ${input.byteLength} bytes for ${n}`);
  const bytes = input.byteOffset % 4 === 0 ? input : input.slice();
  const { buffer, byteOffset } = bytes;
  return {
    n,
    bytes,
    position: new Float32Array(buffer, byteOffset, 2 * n),
    time: new Uint32Array(buffer, byteOffset + 8 * n, n),
    caseId: new Uint32Array(buffer, byteOffset + 12 * n, n),
    categories: new Uint8Array(buffer, byteOffset + 16 * n, 4 * n),
  };
}

interface CaseRow {
  id: number;
  lon: number;
  lat: number;
  reported_at: number;
  grade: string;
  category_code: string;
  status: string;
  source: string;
}

/** Packs one chunk from the cases table (plan: SEARCH cases USING INDEX cases_grid_reported, no sort). */
export function buildChunk(db: HubDatabase, coding: EventCoding, grid: string, bucket: number): Chunk {
  const rows = db.all<CaseRow>(sql`
    SELECT id, lon, lat, reported_at, grade, category_code, status, source FROM cases
    WHERE grid_code = ${grid} AND reported_at >= ${bucket * CHUNK_SPAN_MS} AND reported_at < ${(bucket + 1) * CHUNK_SPAN_MS}
    ORDER BY reported_at`);
  const chunk = chunkFromBytes(new Uint8Array(rows.length * CHUNK_EVENT_BYTES), rows.length);
  rows.forEach((row, i) => {
    chunk.position[2 * i] = row.lon;
    chunk.position[2 * i + 1] = row.lat;
    chunk.time[i] = Math.floor(row.reported_at / 1000);
    chunk.caseId[i] = row.id;
    chunk.categories[4 * i] = coding.grade.get(row.grade) ?? 0;
    chunk.categories[4 * i + 1] = coding.major.get(majorCodeOf(row.category_code)) ?? coding.unknownMajor;
    chunk.categories[4 * i + 2] = coding.status.get(row.status) ?? 0;
    chunk.categories[4 * i + 3] = coding.source.get(row.source) ?? 0;
  });
  return chunk;
}

/** The chunks of a scope overlapping buckets [first, last], in grid-code then bucket order (the key's order). */
export function listChunks(db: HubDatabase, scopeCode: string, first: number, last: number): ChunkKey[] {
  return db.all<ChunkKey>(sql`
    SELECT grid_code AS grid, bucket, gen FROM map_chunks
    WHERE ${inSubtree(sql`grid_code`, scopeCode)} AND bucket BETWEEN ${first} AND ${last}
    ORDER BY grid_code, bucket`);
}

/** The stored bytes of a chunk if they are of this generation and dictionary. */
export function loadStoredChunk(db: HubDatabase, key: ChunkKey, fingerprint: string): Chunk | undefined {
  const row = db.get<{ n: number; data: Uint8Array }>(sql`
    SELECT n, data FROM map_chunk_data
    WHERE grid_code = ${key.grid} AND bucket = ${key.bucket} AND gen = ${key.gen} AND dict = ${fingerprint}`);
  return row ? chunkFromBytes(row.data, row.n) : undefined;
}

/**
 * Stores rebuilt chunks, each only if no write has moved its generation on meanwhile (it would be stale at once).
 * Runs inside the caller's transaction (GroupCommit).
 */
export function storeChunks(
  db: HubDatabase,
  built: ReadonlyArray<{ key: ChunkKey; chunk: Chunk }>,
  fingerprint: string,
): void {
  for (const { key, chunk } of built) {
    const gen = db.get<{ gen: number }>(
      sql`SELECT gen FROM map_chunks WHERE grid_code = ${key.grid} AND bucket = ${key.bucket}`,
    )?.gen;
    if (gen !== key.gen) continue;
    db.run(sql`
      INSERT INTO map_chunk_data (grid_code, bucket, gen, dict, n, data)
      VALUES (${key.grid}, ${key.bucket}, ${key.gen}, ${fingerprint}, ${chunk.n}, ${chunk.bytes})
      ON CONFLICT (grid_code, bucket) DO UPDATE
        SET gen = excluded.gen, dict = excluded.dict, n = excluded.n, data = excluded.data`);
  }
}

/** Chunks whose stored bytes are missing or behind (the warmer's work list). */
export function chunksToBuild(db: HubDatabase, fingerprint: string, limit: number): ChunkKey[] {
  return db.all<ChunkKey>(sql`
    SELECT c.grid_code AS grid, c.bucket, c.gen FROM map_chunks c
    LEFT JOIN map_chunk_data d ON d.grid_code = c.grid_code AND d.bucket = c.bucket
    WHERE d.gen IS NOT c.gen OR d.dict IS NOT ${fingerprint}
    LIMIT ${limit}`);
}

interface Cached {
  readonly gen: number;
  readonly fingerprint: string;
  readonly chunk: Chunk;
}

/**
 * Current chunk bytes held in memory, per database: at 20 bytes an event a county's million events stay near
 * 20 MB, and a map query then copies memory instead of reading blobs.
 */
const memory = new WeakMap<HubDatabase, Map<string, Cached>>();

export function chunkMemory(db: HubDatabase) {
  let map = memory.get(db);
  if (!map) {
    map = new Map();
    memory.set(db, map);
  }
  const store = map;
  const id = (key: ChunkKey) => `${key.grid}:${key.bucket}`;
  return {
    get(key: ChunkKey, fingerprint: string): Chunk | undefined {
      const hit = store.get(id(key));
      return hit && hit.gen === key.gen && hit.fingerprint === fingerprint ? hit.chunk : undefined;
    },
    set(key: ChunkKey, fingerprint: string, chunk: Chunk): void {
      const held = store.get(id(key));
      if (!held || held.gen <= key.gen) store.set(id(key), { gen: key.gen, fingerprint, chunk });
    },
  };
}

/** A current chunk: memory, then the stored bytes, then a rebuild (reported through `onBuilt` for storing). */
export function currentChunk(
  db: HubDatabase,
  coding: EventCoding,
  key: ChunkKey,
  onBuilt: (key: ChunkKey, chunk: Chunk) => void,
): Chunk {
  const cache = chunkMemory(db);
  let chunk = cache.get(key, coding.fingerprint);
  if (chunk) return chunk;
  chunk = loadStoredChunk(db, key, coding.fingerprint);
  if (!chunk) {
    chunk = buildChunk(db, coding, key.grid, key.bucket);
    onBuilt(key, chunk);
  }
  cache.set(key, coding.fingerprint, chunk);
  return chunk;
}
