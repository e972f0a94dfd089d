import type { Migration } from './index.js';

/**
 * Recording policies set from the administration view (README "Recording and playback"): who set a row, shown in the
 * view's table next to when. By username (by value, like ptz_audit), so the row still names its author after the
 * account is renamed or disabled. NULL: set by the hub itself (GRID_RECORDING_CAMERAS at start) or before this
 * migration, by SQL.
 */
export const migration0029: Migration = {
  version: 29,
  name: 'recording-policy-by',
  up(db) {
    db.exec(`ALTER TABLE recording_policies ADD COLUMN updated_by TEXT CHECK (length(updated_by) BETWEEN 1 AND 64);`);
  },
};
