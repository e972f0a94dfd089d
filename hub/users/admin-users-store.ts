/** The administrator's reads of users and sessions (the writes are users-store's `insertUser` / `updateUser`). */
import type { AdminUser, SessionInfo } from '../../common/admin-schemas.js';
import type { Role } from '../../common/roles.js';
import type { UserRow } from '../auth/users-store.js';
import type { HubDatabase } from '../db/database.js';
import { sql, sqlJoin, type SqlFragment } from '../db/sql.js';

/** users-store's row (less the hash), plus what the administrator sees. */
interface AdminUserRow extends Omit<UserRow, 'password_hash'> {
  locked: number;
  created_at: number;
  last_login_at: number | null;
  live_sessions: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

const select = (now: number) => sql`
  SELECT u.id, u.username, u.display_name, u.role, u.org_unit_code, o.name AS org_unit_name, o.level AS org_level,
         u.department_code, u.disabled, (l.user_id IS NOT NULL) AS locked, u.must_change_password, u.created_at,
         (SELECT max(created_at) FROM sessions s WHERE s.user_id = u.id) AS last_login_at,
         (SELECT count(*) FROM sessions s
           WHERE s.user_id = u.id AND s.revoked_at IS NULL AND s.expires_at > ${now}) AS live_sessions
  FROM users u JOIN org_units o ON o.code = u.org_unit_code LEFT JOIN user_locks l ON l.user_id = u.id`;

const toAdminUser = (r: AdminUserRow): AdminUser => ({
  id: r.id,
  username: r.username,
  displayName: r.display_name,
  role: r.role,
  orgUnitCode: r.org_unit_code,
  orgUnitName: r.org_unit_name,
  orgLevel: r.org_level,
  ...(r.department_code !== null ? { departmentCode: r.department_code } : {}),
  disabled: r.disabled === 1,
  locked: r.locked === 1,
  mustChangePassword: r.must_change_password === 1,
  createdAt: iso(r.created_at),
  lastLoginAt: r.last_login_at === null ? null : iso(r.last_login_at),
  liveSessions: r.live_sessions,
});

export interface UserFilter {
  readonly q?: string;
  readonly role?: Role;
  readonly status?: 'active' | 'disabled' | 'locked' | 'must_change';
  readonly offset: number;
  readonly limit: number;
}

/** Users by username, with the number the filter matches. The search is a plain substring (LIKE with escapes). */
export function listUsersForAdmin(db: HubDatabase, f: UserFilter, now: number): { items: AdminUser[]; total: number } {
  const where: SqlFragment[] = [sql`1 = 1`];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    where.push(sql`(u.username LIKE ${like} ESCAPE '\\' OR u.display_name LIKE ${like} ESCAPE '\\'
      OR o.name LIKE ${like} ESCAPE '\\' OR u.org_unit_code LIKE ${like} ESCAPE '\\')`);
  }
  if (f.role) where.push(sql`u.role = ${f.role}`);
  if (f.status === 'active') where.push(sql`u.disabled = 0 AND l.user_id IS NULL`);
  if (f.status === 'disabled') where.push(sql`u.disabled = 1`);
  if (f.status === 'locked') where.push(sql`l.user_id IS NOT NULL`);
  if (f.status === 'must_change') where.push(sql`u.must_change_password = 1`);
  const filter = sqlJoin(where, ' AND ');
  const total =
    db.get<{ n: number }>(sql`
      SELECT count(*) AS n FROM users u JOIN org_units o ON o.code = u.org_unit_code
      LEFT JOIN user_locks l ON l.user_id = u.id WHERE ${filter}`)?.n ?? 0;
  const rows = db.all<AdminUserRow>(
    sql`${select(now)} WHERE ${filter} ORDER BY u.username LIMIT ${f.limit} OFFSET ${f.offset}`,
  );
  return { items: rows.map(toAdminUser), total };
}

export function adminUserById(db: HubDatabase, id: string, now: number): AdminUser | undefined {
  const row = db.get<AdminUserRow>(sql`${select(now)} WHERE u.id = ${id}`);
  return row && toAdminUser(row);
}

export function countUsers(db: HubDatabase): number {
  return db.get<{ n: number }>(sql`SELECT count(*) AS n FROM users`)?.n ?? 0;
}

/** Existing usernames among `names` (for the import's report). */
export function existingUsernames(db: HubDatabase, names: readonly string[]): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i < names.length; i += 500) {
    const chunk = names.slice(i, i + 500).map((n) => sql`${n}`);
    if (chunk.length === 0) continue;
    for (const row of db.all<{ username: string }>(
      sql`SELECT username FROM users WHERE username IN (${sqlJoin(chunk)})`,
    )) {
      found.add(row.username);
    }
  }
  return found;
}

interface SessionRow {
  id: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  client_address: string | null;
}

/** A user's sessions, newest first (the last 100: older ones have long expired). */
export function sessionsOfUser(db: HubDatabase, userId: string, now: number): SessionInfo[] {
  return db
    .all<SessionRow>(
      sql`
      SELECT id, created_at, expires_at, revoked_at, client_address FROM sessions WHERE user_id = ${userId}
      ORDER BY created_at DESC LIMIT 100`,
    )
    .map((r) => ({
      id: r.id,
      createdAt: iso(r.created_at),
      expiresAt: iso(r.expires_at),
      endedAt: r.revoked_at === null ? null : iso(r.revoked_at),
      live: r.revoked_at === null && r.expires_at > now,
      clientAddress: r.client_address,
    }));
}

export function sessionOwner(db: HubDatabase, sessionId: string): { userId: string; username: string } | undefined {
  const row = db.get<{ user_id: string; username: string }>(sql`
    SELECT s.user_id, u.username FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.id = ${sessionId}`);
  return row && { userId: row.user_id, username: row.username };
}
