import type { Migration } from './index.js';

/**
 * The 2+8 wall layout (two large tiles side by side above two rows of four small ones: two incidents followed at
 * once with their surroundings). `wall_layouts.kind` is checked against the known layouts, and SQLite cannot alter
 * a CHECK, so the table is rebuilt with the wider list and every saved layout copied over as it was. Nothing
 * references wall_layouts, so the rebuild touches no other table.
 */
export const migration0023: Migration = {
  version: 23,
  name: 'wall-layout-2-8',
  up(db) {
    db.exec(`
      CREATE TABLE wall_layouts_next (
        id TEXT PRIMARY KEY,
        unit_code TEXT NOT NULL REFERENCES org_units (code),
        name TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 40),
        kind TEXT NOT NULL CHECK (kind IN ('1', '4', '9', '16', '25', '36', '1+5', '1+7', '2+8')),
        spec TEXT NOT NULL CHECK (json_valid(spec)),
        created_by TEXT NOT NULL REFERENCES users (id),
        created_at INTEGER NOT NULL,
        updated_by TEXT NOT NULL REFERENCES users (id),
        updated_at INTEGER NOT NULL,
        UNIQUE (unit_code, name)
      ) STRICT;
      INSERT INTO wall_layouts_next SELECT id, unit_code, name, kind, spec, created_by, created_at, updated_by, updated_at
        FROM wall_layouts;
      DROP TABLE wall_layouts;
      ALTER TABLE wall_layouts_next RENAME TO wall_layouts;
    `);
  },
};
