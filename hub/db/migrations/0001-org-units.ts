import type { Migration } from './index.js';

/** The org tree (codes are prefixes of their descendants) and a small key/value table for hub facts. */
export const migration0001: Migration = {
  version: 1,
  name: 'org-units',
  up(db) {
    db.exec(`
      CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      ) STRICT;

      CREATE TABLE org_units (
        code TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        level TEXT NOT NULL CHECK (level IN ('county', 'township', 'village', 'grid')),
        kind TEXT NOT NULL CHECK (kind IN ('county', 'township', 'street', 'village', 'community', 'grid')),
        parent_code TEXT REFERENCES org_units (code),
        population INTEGER NOT NULL DEFAULT 0 CHECK (population >= 0),
        households INTEGER NOT NULL DEFAULT 0 CHECK (households >= 0),
        center_lon REAL NOT NULL,
        center_lat REAL NOT NULL,
        boundary TEXT -- GeoJSON geometry, WGS84
      ) STRICT;
      CREATE INDEX org_units_parent ON org_units (parent_code);
    `);
  },
};
