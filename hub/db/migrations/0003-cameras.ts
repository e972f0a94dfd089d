import type { Migration } from './index.js';

/**
 * Cameras, each in one grid. Stream sources may embed device credentials: they live here and in the media
 * gateway only, never in an API response.
 */
export const migration0003: Migration = {
  version: 3,
  name: 'cameras',
  up(db) {
    db.exec(`
      CREATE TABLE cameras (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL UNIQUE CHECK (length(code) = 20),
        name TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('fixed', 'ptz')),
        org_unit_code TEXT NOT NULL REFERENCES org_units (code),
        lon REAL NOT NULL,
        lat REAL NOT NULL,
        sensitive INTEGER NOT NULL DEFAULT 0,
        online INTEGER NOT NULL DEFAULT 1,
        main_stream TEXT NOT NULL,
        sub_stream TEXT NOT NULL
      ) STRICT;
      CREATE INDEX cameras_org_unit ON cameras (org_unit_code);
    `);
  },
};
