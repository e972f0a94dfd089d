import type { HubDatabase } from './database.js';
import { sql } from './sql.js';

export function getMeta(db: HubDatabase, key: string): string | undefined {
  return db.get<{ value: string }>(sql`SELECT value FROM meta WHERE key = ${key}`)?.value;
}

export function setMeta(db: HubDatabase, key: string, value: string): void {
  db.run(
    sql`INSERT INTO meta (key, value) VALUES (${key}, ${value}) ON CONFLICT (key) DO UPDATE SET value = excluded.value`,
  );
}
