import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

export interface SessionRecord {
  readonly id: string;
  readonly userId: string;
  readonly createdAt: number;
  readonly expiresAt: number;
  readonly revokedAt: number | null;
}

interface SessionRow {
  id: string;
  user_id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
}

export function insertSession(
  db: HubDatabase,
  s: { id: string; tokenHash: string; userId: string; createdAt: number; expiresAt: number; clientAddress?: string },
): void {
  db.run(sql`
    INSERT INTO sessions (id, token_hash, user_id, created_at, expires_at, client_address)
    VALUES (${s.id}, ${s.tokenHash}, ${s.userId}, ${s.createdAt}, ${s.expiresAt}, ${s.clientAddress ?? null})`);
}

export function findSessionByTokenHash(db: HubDatabase, tokenHash: string): SessionRecord | undefined {
  const row = db.get<SessionRow>(sql`
    SELECT id, user_id, created_at, expires_at, revoked_at FROM sessions WHERE token_hash = ${tokenHash}`);
  return (
    row && {
      id: row.id,
      userId: row.user_id,
      createdAt: row.created_at,
      expiresAt: row.expires_at,
      revokedAt: row.revoked_at,
    }
  );
}

/** Returns true when the session was live and is now revoked. */
export function revokeSession(db: HubDatabase, id: string, at: number): boolean {
  return db.run(sql`UPDATE sessions SET revoked_at = ${at} WHERE id = ${id} AND revoked_at IS NULL`).changes === 1;
}

/** Sessions of a user still live at `now`, e.g. to revoke them all when the account is disabled. */
export function liveSessionIdsOfUser(db: HubDatabase, userId: string, now: number): string[] {
  return db
    .all<{ id: string }>(
      sql`
      SELECT id FROM sessions WHERE user_id = ${userId} AND revoked_at IS NULL AND expires_at > ${now}`,
    )
    .map((r) => r.id);
}

/** The auth version (migration 0008): moves whenever a user, session or org unit changes. */
export function authVersion(db: HubDatabase): number {
  return db.get<{ n: number }>(sql`SELECT n FROM auth_version WHERE id = 1`)?.n ?? 0;
}

/** Sessions live at `now` (not revoked, not expired), for the metrics. */
export function countLiveSessions(db: HubDatabase, now: number): number {
  return (
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM sessions WHERE revoked_at IS NULL AND expires_at > ${now}`)
      ?.n ?? 0
  );
}
