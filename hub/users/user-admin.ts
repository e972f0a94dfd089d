/**
 * What administrators do to accounts, and what every user does to their own password. Every act is refused unless
 * the scope policy grants `user.manage` over the target's unit (administrators, over their county), and each one is
 * written together with its admin-audit row in one group-committed transaction. A change to who a user is (role,
 * unit, name, disabled, password) ends their sessions and sockets at once (`auth.userChanged`).
 */
import { randomUUID } from 'node:crypto';
import type { AdminUser, OneTimePasswordAnswer, UserCreate, UserUpdate } from '../../common/admin-schemas.js';
import { GridCommandError } from '../../common/errors.js';
import type { LoginResponse, User } from '../../common/schemas.js';
import { passwordProblem } from '../../common/password-policy.js';
import type { Role } from '../../common/roles.js';
import { isDepartmentCode } from '../../common/departments.js';
import { canAct, ROLE_LEVELS } from '../../common/scope-policy.js';
import { recordAdminAct } from '../admin-audit/admin-audit-store.js';
import { hashOneTimePassword, hashPassword, newOneTimePassword, verifyPassword } from '../auth/passwords.js';
import { findUserById, findUserByUsername, insertUser, updateUser, type UserRecord } from '../auth/users-store.js';
import type { HubContext } from '../hub-context.js';
import { getOrgUnit } from '../org/org-units-store.js';
import { adminUserById } from './admin-users-store.js';

export interface Acting {
  readonly user: User;
  readonly ip: string;
}

const actor = (a: Acting) => ({ id: a.user.id, username: a.user.username });

/** May manage users at all (the admin role at a valid post). */
export function requireUserManager(user: User): void {
  if (!canAct(user, 'user.manage')) {
    throw new GridCommandError('forbidden', 'only an administrator manages users', undefined, 403);
  }
}

/** The target exists and lies in the administrator's scope (a missing one and one outside look the same: 404). */
function targetOf(hub: HubContext, acting: Acting, userId: string): UserRecord {
  const target = findUserById(hub.db, userId);
  if (!target || !canAct(acting.user, 'user.manage', target.orgUnitCode)) {
    throw new GridCommandError('not_found', 'no such user', 'userId', 404);
  }
  return target;
}

/**
 * The unit exists, lies in the administrator's scope, and the role may be held at its level; a department officer
 * names a known department and nobody else names one.
 */
export function checkPost(
  hub: HubContext,
  manager: User,
  role: Role,
  orgUnitCode: string,
  departmentCode?: string,
): void {
  const unit = getOrgUnit(hub.db, orgUnitCode);
  if (!unit || !canAct(manager, 'user.manage', unit.code)) {
    throw new GridCommandError('unknown_unit', 'no such org unit', 'orgUnitCode');
  }
  if (!ROLE_LEVELS[role].includes(unit.level)) {
    throw new GridCommandError('role_unit_mismatch', `a ${role} cannot be held at a ${unit.level}`, 'role', 400, {
      role,
      level: unit.level,
    });
  }
  if ((role === 'department_officer') !== (departmentCode !== undefined && isDepartmentCode(departmentCode))) {
    throw new GridCommandError(
      'department_required',
      role === 'department_officer' ? 'a department officer needs a department' : 'only department officers have one',
      'departmentCode',
      400,
      { role },
    );
  }
}

/** An administrator may not lock themselves out from here (disable, demote, move, reset their own account). */
function refuseOwn(acting: Acting, target: UserRecord): void {
  if (target.id === acting.user.id) {
    throw new GridCommandError('own_account', 'not on your own account', 'userId');
  }
}

const answerUser = (hub: HubContext, id: string): AdminUser => {
  const user = adminUserById(hub.db, id, hub.now());
  if (!user) throw new GridCommandError('not_found', 'no such user', 'userId', 404);
  return user;
};

export async function createUser(hub: HubContext, acting: Acting, input: UserCreate): Promise<OneTimePasswordAnswer> {
  checkPost(hub, acting.user, input.role, input.orgUnitCode, input.departmentCode);
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashOneTimePassword(oneTimePassword);
  const id = await hub.writes.run(() => {
    if (findUserByUsername(hub.db, input.username)) {
      throw new GridCommandError('username_taken', 'that username is taken', 'username');
    }
    const newId = randomUUID();
    const at = hub.now();
    insertUser(hub.db, {
      id: newId,
      ...input,
      passwordHash,
      isDemoPassword: false,
      createdAt: at,
      mustChangePassword: true,
    });
    recordAdminAct(hub.db, {
      actor: actor(acting),
      action: 'user.created',
      target: input.username,
      detail: {
        role: input.role,
        orgUnitCode: input.orgUnitCode,
        displayName: input.displayName,
        ...(input.departmentCode ? { departmentCode: input.departmentCode } : {}),
      },
      ip: acting.ip,
      at,
    });
    return newId;
  });
  return { user: answerUser(hub, id), oneTimePassword };
}

export async function changeUser(
  hub: HubContext,
  acting: Acting,
  userId: string,
  changes: UserUpdate,
): Promise<AdminUser> {
  await hub.writes.run(() => {
    const target = targetOf(hub, acting, userId);
    if (changes.role !== undefined || changes.orgUnitCode !== undefined || changes.departmentCode !== undefined) {
      refuseOwn(acting, target);
    }
    const role = changes.role ?? target.role;
    const unit = changes.orgUnitCode ?? target.orgUnitCode;
    // Only a department officer keeps (or gets) a department; moving to another role drops it.
    const department = role === 'department_officer' ? (changes.departmentCode ?? target.departmentCode) : undefined;
    const departmentChanged = department !== target.departmentCode;
    if (role !== target.role || unit !== target.orgUnitCode || departmentChanged) {
      checkPost(hub, acting.user, role, unit, department);
    }
    const before = { displayName: target.displayName, role: target.role, orgUnitCode: target.orgUnitCode };
    updateUser(hub.db, target.id, {
      displayName: changes.displayName,
      role: changes.role,
      orgUnitCode: changes.orgUnitCode,
      ...(departmentChanged ? { departmentCode: department ?? null } : {}),
    });
    recordAdminAct(hub.db, {
      actor: actor(acting),
      action: 'user.changed',
      target: target.username,
      detail: {
        before,
        after: {
          displayName: changes.displayName,
          role: changes.role,
          orgUnitCode: changes.orgUnitCode,
          ...(departmentChanged ? { departmentCode: department ?? null } : {}),
        },
      },
      ip: acting.ip,
      at: hub.now(),
    });
  });
  hub.auth.userChanged(userId);
  return answerUser(hub, userId);
}

export async function setDisabled(
  hub: HubContext,
  acting: Acting,
  userId: string,
  disabled: boolean,
): Promise<AdminUser> {
  await hub.writes.run(() => {
    const target = targetOf(hub, acting, userId);
    refuseOwn(acting, target);
    updateUser(hub.db, target.id, { disabled });
    recordAdminAct(hub.db, {
      actor: actor(acting),
      action: disabled ? 'user.disabled' : 'user.enabled',
      target: target.username,
      ip: acting.ip,
      at: hub.now(),
    });
  });
  if (disabled) hub.auth.userChanged(userId);
  return answerUser(hub, userId);
}

export async function resetPassword(hub: HubContext, acting: Acting, userId: string): Promise<OneTimePasswordAnswer> {
  refuseOwn(acting, targetOf(hub, acting, userId));
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashOneTimePassword(oneTimePassword);
  await hub.writes.run(() => {
    const target = targetOf(hub, acting, userId);
    updateUser(hub.db, target.id, { passwordHash, mustChangePassword: true });
    recordAdminAct(hub.db, {
      actor: actor(acting),
      action: 'user.password_reset',
      target: target.username,
      ip: acting.ip,
      at: hub.now(),
    });
  });
  hub.auth.userChanged(userId);
  return { user: answerUser(hub, userId), oneTimePassword };
}

/**
 * The caller's own password. The current one must be given (a console left signed in is not enough), the new one
 * must pass the policy and differ from it. Every session of the user ends (the database's trigger, and their sockets
 * here), and a fresh session is answered so the console that asked carries on.
 */
export async function changeOwnPassword(
  hub: HubContext,
  acting: Acting,
  currentPassword: string,
  newPassword: string,
): Promise<LoginResponse> {
  const me = findUserById(hub.db, acting.user.id);
  if (!me) throw new GridCommandError('unauthenticated', 'account gone');
  const throttleKey = `addr-user:${acting.ip}|${me.username}`;
  const decision = hub.loginThrottle.byAddressUser.check(throttleKey);
  if (!decision.allowed) {
    throw new GridCommandError('rate_limited', 'too many wrong passwords, try again later', undefined, undefined, {
      retryAfterSeconds: decision.retryAfterSeconds,
    });
  }
  if (!(await verifyPassword(currentPassword, me.passwordHash))) {
    hub.loginThrottle.byAddressUser.fail(throttleKey);
    throw new GridCommandError('current_password_wrong', 'the current password is wrong', 'currentPassword');
  }
  const problem = passwordProblem(newPassword, me.username);
  if (problem) {
    throw new GridCommandError(
      problem.code,
      `the new password is refused (${problem.code})`,
      'newPassword',
      undefined,
      problem.params,
    );
  }
  if (newPassword === currentPassword) {
    throw new GridCommandError('password_unchanged', 'the new password is the current one', 'newPassword');
  }
  const passwordHash = await hashPassword(newPassword);
  await hub.writes.run(() => {
    updateUser(hub.db, me.id, { passwordHash, mustChangePassword: false });
    recordAdminAct(hub.db, {
      actor: { id: me.id, username: me.username },
      action: 'user.password_changed',
      target: me.username,
      detail: { wasOneTime: me.mustChangePassword === true },
      ip: acting.ip,
      at: hub.now(),
    });
  });
  hub.auth.userChanged(me.id);
  return hub.auth.openSession(me.id, acting.ip);
}
