import type { Migration } from './index.js';

/**
 * Named video-wall layouts, kept per command room (the saving user's org unit) so the next operator in that room
 * finds them. `spec` is the layout's JSON (tiles, tours, alert tile) as validated by common/wall-schemas.ts; a name
 * is unique within its room, and saving under the same name replaces the layout. Listing a room's layouts rides on
 * the unique index's prefix (unit_code).
 */
export const migration0007: Migration = {
  version: 7,
  name: 'wall-layouts',
  up(db) {
    db.exec(`
      CREATE TABLE wall_layouts (
        id TEXT PRIMARY KEY,
        unit_code TEXT NOT NULL REFERENCES org_units (code),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        kind TEXT NOT NULL CHECK (kind IN ('1', '4', '9', '16', '25', '36', '1+5', '1+7')),
        spec TEXT NOT NULL CHECK (json_valid(spec)),
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id),
        updated_at INTEGER NOT NULL,
        UNIQUE (unit_code, name)
      ) STRICT;
    `);
  },
};
