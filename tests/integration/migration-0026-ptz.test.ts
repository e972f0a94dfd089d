/** Migration 0026 (PTZ) on a real SQLite file brought to the version just before it (as in migrations.test.ts). */
import type Database from 'better-sqlite3';
import { beforeEach, describe, expect, it } from 'vitest';
import { currentVersion, migrate } from '../../hub/db/migrate.js';
import { MIGRATIONS } from '../../hub/db/migrations/index.js';
import { freshMigrationDb } from '../support/migration-db.js';

let db: Database.Database;
const currentDb = freshMigrationDb();
beforeEach(() => {
  db = currentDb();
});

describe('0026 ptz', () => {
  it('keeps loans as view-only, adds ONVIF fields to cameras and an append-only PTZ audit', () => {
    migrate(db, MIGRATIONS, 23);
    db.exec(`
      INSERT INTO org_units (code, name, level, kind, center_lon, center_lat) VALUES ('431099', 'X县', 'county', 'county', 112.2, 25.9);
      INSERT INTO org_units (code, name, level, kind, parent_code, center_lon, center_lat)
        VALUES ('431099001', 'Y镇', 'township', 'township', '431099', 112.2, 25.9);
      INSERT INTO users (id, username, display_name, role, org_unit_code, password_hash, created_at)
        VALUES ('u1', 'duty', '张三', 'county_duty_officer', '431099', 'h', 0);
      INSERT INTO cameras (id, code, name, kind, org_unit_code, lon, lat, main_stream, sub_stream)
        VALUES ('c1', '43109900001310000001', '村口', 'ptz', '431099', 112.2, 25.9, 'rtsp://a', 'rtsp://b');
      INSERT INTO camera_grants (id, camera_id, grantee_unit_code, granted_by, granted_at, until)
        VALUES ('g1', 'c1', '431099001', 'u1', 1, 2);
    `);
    migrate(db, MIGRATIONS, 26);
    expect(currentVersion(db)).toBe(26);
    expect(db.prepare(`SELECT id, may_steer FROM camera_grants`).all()).toEqual([{ id: 'g1', may_steer: 0 }]);
    expect(() => db.prepare(`UPDATE camera_grants SET may_steer = 2`).run()).toThrow(/CHECK/);
    db.prepare(`UPDATE cameras SET onvif_url = 'http://10.0.0.9/onvif/device_service', onvif_password = 's'`).run();
    expect(db.prepare(`SELECT onvif_url, onvif_username FROM cameras`).get()).toEqual({
      onvif_url: 'http://10.0.0.9/onvif/device_service',
      onvif_username: null,
    });

    const add = db.prepare(`
      INSERT INTO ptz_audit (at, user_id, username, user_display_name, user_unit_code, camera_id, camera_code,
                             camera_name, camera_unit_code, command, detail)
      VALUES (5, 'u1', 'duty', '张三', '431099', 'c1', '43109900001310000001', '村口', '431099', ?, ?)`);
    add.run('goto_preset', '{"preset":2}');
    expect(() => add.run('spin', '{}')).toThrow(/CHECK/);
    expect(() => add.run('move', 'not json')).toThrow(/CHECK/);
    expect(() => db.prepare(`UPDATE ptz_audit SET command = 'stop'`).run()).toThrow(/append-only/);
    expect(() => db.prepare(`DELETE FROM ptz_audit`).run()).toThrow(/append-only/);
    expect(db.prepare(`SELECT command, detail FROM ptz_audit`).all()).toEqual([
      { command: 'goto_preset', detail: '{"preset":2}' },
    ]);
  });
});
