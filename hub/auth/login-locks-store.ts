/** Failed logins of known accounts and account locks (migration 0010). */
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

/** Records a failure and answers how many the user has had since `since` (this one included). */
export function recordLoginFailure(db: HubDatabase, userId: string, at: number, since: number): number {
  db.run(sql`INSERT INTO login_failures (user_id, at) VALUES (${userId}, ${at})`);
  // Older rows count for nothing any more: dropped here so the table stays the size of one window.
  db.run(sql`DELETE FROM login_failures WHERE user_id = ${userId} AND at < ${since}`);
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM login_failures WHERE user_id = ${userId}`)?.n ?? 0;
}

export function lockUser(db: HubDatabase, userId: string, at: number, failures: number): void {
  db.run(sql`INSERT OR IGNORE INTO user_locks (user_id, locked_at, failures) VALUES (${userId}, ${at}, ${failures})`);
}

export function isUserLocked(db: HubDatabase, userId: string): boolean {
  return db.get(sql`SELECT 1 AS locked FROM user_locks WHERE user_id = ${userId}`) !== undefined;
}

/** Lifts the lock and forgets the failures that led to it. Returns whether there was a lock. */
export function unlockUser(db: HubDatabase, userId: string): boolean {
  db.run(sql`DELETE FROM login_failures WHERE user_id = ${userId}`);
  return db.run(sql`DELETE FROM user_locks WHERE user_id = ${userId}`).changes === 1;
}
