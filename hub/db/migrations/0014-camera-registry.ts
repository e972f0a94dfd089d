import type { Migration } from './index.js';

/**
 * Camera registry (issue 13 §2): a camera is retired, never deleted (its view audit and grants keep pointing at it),
 * and the last probe of its stream is kept so the admin view can show reachable / codec / resolution / fps.
 * Org units get the time of the import that last wrote them, so a re-import can say what it changed.
 */
export const migration0014: Migration = {
  version: 14,
  name: 'camera-registry',
  up(db) {
    db.exec(`
      ALTER TABLE cameras ADD COLUMN retired_at INTEGER;
      ALTER TABLE cameras ADD COLUMN probed_at INTEGER;
      ALTER TABLE cameras ADD COLUMN probe_ok INTEGER CHECK (probe_ok IN (0, 1));
      ALTER TABLE cameras ADD COLUMN probe_detail TEXT; -- JSON: codec, width, height, fps or the masked failure
      ALTER TABLE org_units ADD COLUMN imported_at INTEGER;
    `);
  },
};
