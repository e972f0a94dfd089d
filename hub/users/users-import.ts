/**
 * The users CSV import (`username,display_name,role,unit_code`): every line is checked — username form, display
 * name, role, unit exists in the administrator's scope, role fits the unit's level, username neither taken nor
 * repeated in the file — and all problems are reported by line before anything is written. A dry run stops there;
 * a real run with any problem is refused whole (`import_has_problems`), so a file is either imported entirely or
 * not at all. Each new user gets a one-time password, answered once to the administrator and never logged.
 */
import { randomUUID } from 'node:crypto';
import {
  DisplayName,
  type ImportedUser,
  type ImportProblem,
  Username,
  USERS_CSV_HEADER,
  type UsersImportReport,
} from '../../common/admin-schemas.js';
import { parseCsv } from '../../common/csv-read.js';
import { GridCommandError, isErrorCode } from '../../common/errors.js';
import { ROLES, type Role } from '../../common/roles.js';
import { recordAdminAct } from '../admin-audit/admin-audit-store.js';
import { hashOneTimePassword, newOneTimePassword } from '../auth/passwords.js';
import { insertUser } from '../auth/users-store.js';
import type { HubContext } from '../hub-context.js';
import { existingUsernames } from './admin-users-store.js';
import { checkPost, type Acting } from './user-admin.js';

interface Candidate {
  readonly line: number;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly orgUnitCode: string;
  readonly departmentCode?: string;
}

/** Reads and checks the file; writes nothing. */
export function checkUsersCsv(
  hub: HubContext,
  acting: Acting,
  csv: string,
): { rows: number; problems: ImportProblem[]; candidates: Candidate[] } {
  const records = parseCsv(csv);
  const problems: ImportProblem[] = [];
  const header = records[0]?.cells.map((c) => c.trim().toLowerCase()) ?? [];
  if (header.join(',') !== USERS_CSV_HEADER.join(',')) {
    problems.push({
      line: records[0]?.line ?? 1,
      code: 'csv_header_invalid',
      params: { expected: USERS_CSV_HEADER.join(',') },
    });
    return { rows: Math.max(0, records.length - 1), problems, candidates: [] };
  }
  const candidates: Candidate[] = [];
  const seen = new Map<string, number>();
  for (const { line, cells } of records.slice(1)) {
    const before = problems.length;
    if (cells.length !== USERS_CSV_HEADER.length) {
      problems.push({
        line,
        code: 'validation_failed',
        params: { columns: cells.length, expected: USERS_CSV_HEADER.length },
      });
      continue;
    }
    const [rawName = '', rawDisplay = '', rawRole = '', rawUnit = ''] = cells;
    const username = Username.safeParse(rawName);
    const displayName = DisplayName.safeParse(rawDisplay);
    const role = rawRole.trim() as Role;
    // A department officer's unit_code is its department (`dept:zhujian`); its org unit is the county.
    const department = rawUnit.trim().startsWith('dept:') ? rawUnit.trim() : undefined;
    const unit = department !== undefined ? acting.user.orgUnitCode : rawUnit.trim();
    if (!username.success) problems.push({ line, field: 'username', code: 'validation_failed' });
    if (!displayName.success) problems.push({ line, field: 'display_name', code: 'validation_failed' });
    if (!(ROLES as readonly string[]).includes(role)) problems.push({ line, field: 'role', code: 'validation_failed' });
    else {
      try {
        checkPost(hub, acting.user, role, unit, department);
      } catch (err) {
        if (!(err instanceof GridCommandError) || !isErrorCode(err.code)) throw err;
        problems.push({
          line,
          field: err.field === 'role' ? 'role' : 'unit_code',
          code: err.code,
          ...(err.params ? { params: err.params } : {}),
        });
      }
    }
    if (username.success) {
      const first = seen.get(username.data);
      if (first !== undefined)
        problems.push({ line, field: 'username', code: 'duplicate_in_file', params: { firstLine: first } });
      else seen.set(username.data, line);
    }
    if (problems.length === before && username.success && displayName.success) {
      candidates.push({
        line,
        username: username.data,
        displayName: displayName.data,
        role,
        orgUnitCode: unit,
        ...(department !== undefined ? { departmentCode: department } : {}),
      });
    }
  }
  const taken = existingUsernames(
    hub.db,
    candidates.map((c) => c.username),
  );
  for (const c of candidates) {
    if (taken.has(c.username)) problems.push({ line: c.line, field: 'username', code: 'username_taken' });
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows: records.length - 1, problems, candidates };
}

export async function importUsers(
  hub: HubContext,
  acting: Acting,
  csv: string,
  dryRun: boolean,
): Promise<UsersImportReport> {
  const checked = checkUsersCsv(hub, acting, csv);
  if (dryRun) return { dryRun, rows: checked.rows, problems: checked.problems, created: [] };
  if (checked.problems.length > 0) {
    throw new GridCommandError(
      'import_has_problems',
      `${checked.problems.length} problem(s); nothing written`,
      'csv',
      400,
      {
        count: checked.problems.length,
      },
    );
  }
  if (checked.candidates.length === 0) {
    throw new GridCommandError('validation_failed', 'the file holds no users', 'csv');
  }
  // Hashing first, outside the write: the transaction then takes milliseconds, not the seconds of 1,000 hashes.
  const created: ImportedUser[] = await Promise.all(
    checked.candidates.map(async (c) => {
      const oneTimePassword = newOneTimePassword();
      return {
        username: c.username,
        displayName: c.displayName,
        role: c.role,
        orgUnitCode: c.orgUnitCode,
        ...(c.departmentCode !== undefined ? { departmentCode: c.departmentCode } : {}),
        oneTimePassword,
        hash: await hashOneTimePassword(oneTimePassword),
      };
    }),
  ).then((rows) =>
    hub.writes.run(() => {
      // Checked again inside the write: a user created meanwhile refuses the file rather than half of it.
      const taken = existingUsernames(
        hub.db,
        rows.map((r) => r.username),
      );
      if (taken.size > 0) throw new GridCommandError('username_taken', 'a username was taken meanwhile', 'csv');
      const at = hub.now();
      const actor = { id: acting.user.id, username: acting.user.username };
      for (const r of rows) {
        insertUser(hub.db, {
          id: randomUUID(),
          username: r.username,
          displayName: r.displayName,
          role: r.role,
          orgUnitCode: r.orgUnitCode,
          ...(r.departmentCode !== undefined ? { departmentCode: r.departmentCode } : {}),
          passwordHash: r.hash,
          isDemoPassword: false,
          createdAt: at,
          mustChangePassword: true,
        });
        recordAdminAct(hub.db, {
          actor,
          action: 'user.created',
          target: r.username,
          detail: {
            role: r.role,
            orgUnitCode: r.orgUnitCode,
            ...(r.departmentCode !== undefined ? { departmentCode: r.departmentCode } : {}),
            via: 'import',
          },
          ip: acting.ip,
          at,
        });
      }
      recordAdminAct(hub.db, {
        actor,
        action: 'users.imported',
        target: null,
        detail: { rows: checked.rows, created: rows.length },
        ip: acting.ip,
        at,
      });
      return rows.map(({ hash: _hash, ...user }) => user);
    }),
  );
  return { dryRun, rows: checked.rows, problems: [], created };
}
