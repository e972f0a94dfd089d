import type { Migration } from './index.js';

/**
 * The map's events index: cases cut into chunks of one grid × one 365-day bucket, each chunk's events kept ready as
 * columnar bytes (hub/map/event-chunks.ts). A map query then reads a few thousand chunk rows cut by scope and period
 * in SQL, instead of a million case rows — a million rows through better-sqlite3 take seconds, not milliseconds.
 *
 * - `map_chunks` says which chunks exist and their generation; triggers on `cases` bump the generation of every
 *   chunk a write touches, so a chunk is current exactly when its stored bytes carry the same generation.
 * - `map_chunk_data` holds the last bytes built per chunk (apart, so listing chunks never reads the blobs).
 * - `map_version` counts every such write: an answer assembled at version n is still exact while it reads n, so a
 *   repeated query (another console opening the map) is served without assembling it again.
 *
 * Plans (EXPLAIN QUERY PLAN, checked in tests/integration/map-events.test.ts):
 * - listing: `WHERE grid_code >= ? AND grid_code < ? AND bucket BETWEEN ? AND ?` →
 *   SEARCH map_chunks USING PRIMARY KEY (grid_code>? AND grid_code<?) — the scope cut rides on the key's prefix;
 * - building one chunk: `cases WHERE grid_code = ? AND reported_at >= ? AND reported_at < ? ORDER BY reported_at` →
 *   SEARCH cases USING INDEX cases_grid_reported (grid_code=? AND reported_at>? AND reported_at<?), no sort step.
 *   A covering index would speed the one-time build of old history but cost ~40 bytes a case on every insert
 *   forever; a live chunk rebuild touches a few hundred rows, so no new index on `cases`.
 *
 * The bucket width (365 days in ms) is part of the schema: hub/map/event-chunks.ts must use the same constant.
 */
export const MAP_CHUNK_SPAN_MS = 365 * 86_400_000;

const touch = (row: 'NEW' | 'OLD') => `
    UPDATE map_version SET n = n + 1;
    INSERT INTO map_chunks (grid_code, bucket, gen) VALUES (${row}.grid_code, ${row}.reported_at / ${MAP_CHUNK_SPAN_MS}, 1)
      ON CONFLICT (grid_code, bucket) DO UPDATE SET gen = gen + 1;`;

/** The new row's chunk, unless it is the old row's (touched already): one write, one generation step. */
const touchNewIfMoved = `
    INSERT INTO map_chunks (grid_code, bucket, gen)
      SELECT NEW.grid_code, NEW.reported_at / ${MAP_CHUNK_SPAN_MS}, 1
      WHERE NEW.grid_code IS NOT OLD.grid_code
        OR NEW.reported_at / ${MAP_CHUNK_SPAN_MS} IS NOT OLD.reported_at / ${MAP_CHUNK_SPAN_MS}
      ON CONFLICT (grid_code, bucket) DO UPDATE SET gen = gen + 1;`;

export const migration0006: Migration = {
  version: 6,
  name: 'map-indexes',
  up(db) {
    db.exec(`
      CREATE TABLE map_chunks (
        grid_code TEXT NOT NULL,
        bucket INTEGER NOT NULL,
        gen INTEGER NOT NULL,
        PRIMARY KEY (grid_code, bucket)
      ) STRICT, WITHOUT ROWID;

      CREATE TABLE map_chunk_data (
        grid_code TEXT NOT NULL,
        bucket INTEGER NOT NULL,
        gen INTEGER NOT NULL,
        -- Fingerprint of the category dictionary the bytes were encoded with; another one means rebuild.
        dict TEXT NOT NULL,
        n INTEGER NOT NULL,
        data BLOB NOT NULL,
        PRIMARY KEY (grid_code, bucket)
      ) STRICT;

      CREATE TABLE map_version (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        n INTEGER NOT NULL
      ) STRICT;
      INSERT INTO map_version (id, n) VALUES (1, 0);

      INSERT INTO map_chunks (grid_code, bucket, gen)
        SELECT grid_code, reported_at / ${MAP_CHUNK_SPAN_MS}, 1 FROM cases GROUP BY 1, 2;

      CREATE TRIGGER map_chunks_case_insert AFTER INSERT ON cases BEGIN ${touch('NEW')}
      END;
      -- Only changes the map shows: a move that leaves status, grade, category, source and place alone (a note,
      -- a deadline) does not make the chunk rebuild.
      CREATE TRIGGER map_chunks_case_update AFTER UPDATE OF grid_code, reported_at, lon, lat, grade, category_code,
          status, source ON cases
        WHEN OLD.grid_code IS NOT NEW.grid_code OR OLD.reported_at IS NOT NEW.reported_at OR OLD.lon IS NOT NEW.lon
          OR OLD.lat IS NOT NEW.lat OR OLD.grade IS NOT NEW.grade OR OLD.category_code IS NOT NEW.category_code
          OR OLD.status IS NOT NEW.status OR OLD.source IS NOT NEW.source
        BEGIN ${touch('OLD')} ${touchNewIfMoved}
      END;
      CREATE TRIGGER map_chunks_case_delete AFTER DELETE ON cases BEGIN ${touch('OLD')}
      END;
    `);
  },
};
