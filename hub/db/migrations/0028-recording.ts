import type { Migration } from './index.js';

/**
 * Recording (回放): the index of recorded segments on disk, the recording policy per camera or per unit, and the
 * event marks an "around events" policy keeps footage for.
 *
 * - `recording_segments`: one row per finished segment file (path relative to the recordings root). Times are wall
 *   clock ms of the first and last frame; spans and gaps are derived from consecutive rows, so nothing else has to be
 *   kept in step when a segment is deleted by retention.
 * - `recording_policies`: exactly one of camera_id / unit_code; the camera's own row wins over its nearest unit's.
 * - `recording_marks`: a moment worth keeping (a case reported there, an alarm) for "events" policies.
 */
export const migration0028: Migration = {
  version: 28,
  name: 'recording',
  up(db) {
    db.exec(`
      CREATE TABLE recording_segments (
        id INTEGER PRIMARY KEY,
        camera_id TEXT NOT NULL REFERENCES cameras (id),
        start_ms INTEGER NOT NULL,
        end_ms INTEGER NOT NULL CHECK (end_ms > start_ms),
        path TEXT NOT NULL UNIQUE,
        bytes INTEGER NOT NULL CHECK (bytes >= 0)
      ) STRICT;
      CREATE INDEX recording_segments_camera_start ON recording_segments (camera_id, start_ms);
      CREATE INDEX recording_segments_start ON recording_segments (start_ms);

      CREATE TABLE recording_policies (
        id INTEGER PRIMARY KEY,
        camera_id TEXT UNIQUE REFERENCES cameras (id),
        unit_code TEXT UNIQUE REFERENCES org_units (code),
        mode TEXT NOT NULL CHECK (mode IN ('off', 'continuous', 'events')),
        pre_seconds INTEGER NOT NULL DEFAULT 30 CHECK (pre_seconds BETWEEN 0 AND 3600),
        post_seconds INTEGER NOT NULL DEFAULT 120 CHECK (post_seconds BETWEEN 0 AND 3600),
        updated_at INTEGER NOT NULL,
        CHECK ((camera_id IS NULL) <> (unit_code IS NULL))
      ) STRICT;

      CREATE TABLE recording_marks (
        id INTEGER PRIMARY KEY,
        camera_id TEXT NOT NULL REFERENCES cameras (id),
        at_ms INTEGER NOT NULL,
        reason TEXT NOT NULL CHECK (length(reason) BETWEEN 1 AND 80)
      ) STRICT;
      CREATE INDEX recording_marks_camera_at ON recording_marks (camera_id, at_ms);
    `);
  },
};
