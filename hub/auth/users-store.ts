import type { OrgLevel } from '../../common/org.js';
import type { Role } from '../../common/roles.js';
import type { User } from '../../common/schemas.js';
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

export interface UserRecord extends User {
  readonly passwordHash: string;
  readonly disabled: boolean;
}

export interface UserRow {
  id: string;
  username: string;
  display_name: string;
  role: Role;
  org_unit_code: string;
  org_unit_name: string;
  org_level: OrgLevel;
  department_code: string | null;
  password_hash: string;
  disabled: number;
  must_change_password: number;
}

const SELECT_USER = sql`
  SELECT u.id, u.username, u.display_name, u.role, u.org_unit_code, o.name AS org_unit_name, o.level AS org_level,
         u.department_code, u.password_hash, u.disabled, u.must_change_password
  FROM users u JOIN org_units o ON o.code = u.org_unit_code`;

const toUser = (row: UserRow): UserRecord => ({
  id: row.id,
  username: row.username,
  displayName: row.display_name,
  role: row.role,
  orgUnitCode: row.org_unit_code,
  orgUnitName: row.org_unit_name,
  orgLevel: row.org_level,
  ...(row.department_code !== null ? { departmentCode: row.department_code } : {}),
  passwordHash: row.password_hash,
  disabled: row.disabled === 1,
  // Only when set, so a user's public view reads as before for everyone else.
  ...(row.must_change_password === 1 ? { mustChangePassword: true } : {}),
});

/** The public view of a user: never the hash. */
export function publicUser(user: UserRecord): User {
  const { passwordHash: _hash, disabled: _disabled, ...rest } = user;
  return rest;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  orgUnitCode: string;
  /** A department officer's department (migration 0019); absent for every other role. */
  departmentCode?: string;
  passwordHash: string;
  isDemoPassword: boolean;
  createdAt: number;
  /** A one-time password (first admin, created by an administrator, imported): changed at first login. */
  mustChangePassword?: boolean;
}

export function insertUser(db: HubDatabase, u: NewUser): void {
  db.run(sql`
    INSERT INTO users (id, username, display_name, role, org_unit_code, department_code, password_hash,
                       is_demo_password, created_at, must_change_password)
    VALUES (${u.id}, ${u.username}, ${u.displayName}, ${u.role}, ${u.orgUnitCode}, ${u.departmentCode ?? null}, ${u.passwordHash},
            ${u.isDemoPassword ? 1 : 0}, ${u.createdAt}, ${u.mustChangePassword ? 1 : 0})`);
}

export function findUserByUsername(db: HubDatabase, username: string): UserRecord | undefined {
  const row = db.get<UserRow>(sql`${SELECT_USER} WHERE u.username = ${username}`);
  return row && toUser(row);
}

export function findUserById(db: HubDatabase, id: string): UserRecord | undefined {
  const row = db.get<UserRow>(sql`${SELECT_USER} WHERE u.id = ${id}`);
  return row && toUser(row);
}

/** Active accounts still on a published demo password. */
export function countDemoPasswordUsers(db: HubDatabase): number {
  return (
    db.get<{ n: number }>(sql`SELECT count(*) AS n FROM users WHERE is_demo_password = 1 AND disabled = 0`)?.n ?? 0
  );
}

export interface UserChanges {
  readonly orgUnitCode?: string;
  /** With a role change: the department (department officers) or null (everyone else). */
  readonly departmentCode?: string | null;
  readonly role?: Role;
  readonly disabled?: boolean;
  readonly passwordHash?: string;
  readonly displayName?: string;
  /** With a new password: whether it is a one-time one (reset by an administrator) or the user's own. */
  readonly mustChangePassword?: boolean;
}

/**
 * Changes who a user is. The database revokes their live sessions by trigger (migration 0010) and the socket layer
 * ends their sockets within a second; callers in the hub also call `auth.userChanged` to end them at once.
 */
export function updateUser(db: HubDatabase, id: string, changes: UserChanges): boolean {
  const { orgUnitCode = null, role = null, disabled, passwordHash = null, displayName = null } = changes;
  const flag = disabled === undefined ? null : disabled ? 1 : 0;
  const mustChange = changes.mustChangePassword === undefined ? null : changes.mustChangePassword ? 1 : 0;
  const setDepartment = changes.departmentCode === undefined ? 0 : 1;
  const department = changes.departmentCode ?? null;
  return (
    db.run(sql`
      UPDATE users SET org_unit_code = coalesce(${orgUnitCode}, org_unit_code), role = coalesce(${role}, role),
             department_code = CASE WHEN ${setDepartment} = 1 THEN ${department} ELSE department_code END,
             disabled = coalesce(${flag}, disabled), password_hash = coalesce(${passwordHash}, password_hash),
             display_name = coalesce(${displayName}, display_name),
             must_change_password = coalesce(${mustChange}, must_change_password),
             is_demo_password = CASE WHEN ${passwordHash} IS NULL THEN is_demo_password ELSE 0 END
      WHERE id = ${id}`).changes === 1
  );
}
