import type { Migration } from './index.js';

/**
 * Evidence attached to cases (issue 15 §2). The files live on disk beside the database, content-addressed
 * (`attachments/ab/cd/<sha256>`, hub/evidence/attachment-files.ts); a row names its stored file by hash, so the
 * same photo on many cases is stored once. `source_sha256` is the hash of the bytes as uploaded (before the
 * re-encode), so the same upload again finds its stored file without running ffmpeg. The original's GPS position
 * (EXIF or MP4 `©xyz`) is kept here as data and never in the served file. Rows are never updated or deleted:
 * evidence stays as it was attached.
 */
export const migration0017: Migration = {
  version: 17,
  name: 'attachments',
  up(db) {
    db.exec(`
      CREATE TABLE case_attachments (
        id TEXT PRIMARY KEY,
        case_id INTEGER NOT NULL REFERENCES cases (id),
        kind TEXT NOT NULL CHECK (kind IN ('photo', 'video', 'document', 'snapshot')),
        file_name TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 120),
        mime TEXT NOT NULL CHECK (mime IN ('image/jpeg', 'video/mp4', 'application/pdf')),
        bytes INTEGER NOT NULL CHECK (bytes >= 0),
        sha256 TEXT NOT NULL CHECK (length(sha256) = 64),
        source_sha256 TEXT NOT NULL CHECK (length(source_sha256) = 64),
        thumb_sha256 TEXT CHECK (thumb_sha256 IS NULL OR length(thumb_sha256) = 64),
        width INTEGER,
        height INTEGER,
        duration_ms INTEGER,
        gps_lon REAL CHECK (gps_lon IS NULL OR gps_lon BETWEEN -180 AND 180),
        gps_lat REAL CHECK (gps_lat IS NULL OR gps_lat BETWEEN -90 AND 90),
        camera_id TEXT,
        captured_at INTEGER,
        uploaded_by TEXT NOT NULL REFERENCES users (id),
        uploaded_at INTEGER NOT NULL,
        UNIQUE (case_id, source_sha256)
      ) STRICT;
      CREATE INDEX case_attachments_case ON case_attachments (case_id, uploaded_at);
      CREATE INDEX case_attachments_source ON case_attachments (source_sha256);
      CREATE INDEX case_attachments_stored ON case_attachments (sha256);
      CREATE TRIGGER case_attachments_keep BEFORE UPDATE ON case_attachments
        BEGIN SELECT RAISE(ABORT, 'attachments are never changed'); END;
    `);
  },
};
