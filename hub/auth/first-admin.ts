/**
 * The first administrator of a county's hub (`npm run hub -- init`): the only way to get a first account when the
 * hub runs outside demo mode. Refused as soon as any user exists. The answer's one-time password is printed once by
 * the CLI and must be changed at first login (the hub answers nothing else until then).
 *
 * On an empty data dir there is no org unit yet, and an administrator sits at the county: the county's root unit is
 * created from `countyCode` and `countyName` (the org tree import later fills in its boundary and centre by code).
 */
import { randomUUID } from 'node:crypto';
import { GridCommandError } from '../../common/errors.js';
import { levelOfCode } from '../../common/org.js';
import { recordAdminAct } from '../admin-audit/admin-audit-store.js';
import { HubDatabase } from '../db/database.js';
import { countyRoot, insertOrgUnits } from '../org/org-units-store.js';
import { countUsers } from '../users/admin-users-store.js';
import { hashOneTimePassword, newOneTimePassword } from './passwords.js';
import { insertUser } from './users-store.js';

export interface FirstAdminOptions {
  /** GB/T 2260 county code (6 digits); needed only when the database holds no county unit yet. */
  readonly countyCode?: string;
  readonly countyName?: string;
  /** The county's centre [lon, lat] until the org tree import gives its boundary. */
  readonly center?: readonly [number, number];
  readonly username?: string;
  readonly displayName?: string;
  readonly now?: () => number;
}

export interface FirstAdmin {
  readonly username: string;
  readonly oneTimePassword: string;
  readonly countyCode: string;
}

/** `db` is an open hub database or the path of one (created and migrated if missing, closed again after). */
export async function initFirstAdmin(db: HubDatabase | string, options: FirstAdminOptions = {}): Promise<FirstAdmin> {
  const owned = typeof db === 'string';
  const hubDb = typeof db === 'string' ? new HubDatabase(db) : db;
  try {
    return await createFirstAdmin(hubDb, options);
  } finally {
    if (owned) hubDb.close();
  }
}

async function createFirstAdmin(db: HubDatabase, options: FirstAdminOptions): Promise<FirstAdmin> {
  const refuseIfUsers = () => {
    if (countUsers(db) > 0) {
      throw new GridCommandError('users_exist', 'users exist already; the first administrator is created only once');
    }
  };
  refuseIfUsers();
  const username = (options.username ?? 'admin').trim().toLowerCase();
  const county = countyRoot(db);
  if (!county) {
    if (!options.countyCode || levelOfCode(options.countyCode) !== 'county') {
      throw new GridCommandError('validation_failed', 'a 6-digit county code is needed (--county-code)', 'countyCode');
    }
    if (!options.countyName?.trim()) {
      throw new GridCommandError('validation_failed', 'the county name is needed (--county-name)', 'countyName');
    }
  }
  const oneTimePassword = newOneTimePassword();
  const passwordHash = await hashOneTimePassword(oneTimePassword);
  const at = (options.now ?? Date.now)();
  const countyCode = county?.code ?? (options.countyCode as string);
  db.transaction(() => {
    refuseIfUsers(); // again inside the transaction: two inits at once create one administrator
    if (!county) {
      insertOrgUnits(db, [
        {
          code: countyCode,
          name: (options.countyName as string).trim(),
          level: 'county',
          kind: 'county',
          parentCode: null,
          population: 0,
          households: 0,
          center: [options.center?.[0] ?? 0, options.center?.[1] ?? 0],
          boundary: null,
        },
      ]);
    }
    const id = randomUUID();
    insertUser(db, {
      id,
      username,
      displayName: options.displayName?.trim() || '系统管理员',
      role: 'admin',
      orgUnitCode: countyCode,
      passwordHash,
      isDemoPassword: false,
      createdAt: at,
      mustChangePassword: true,
    });
    recordAdminAct(db, {
      actor: null,
      action: 'first_admin.created',
      target: username,
      detail: { countyCode, countyCreated: !county },
      at,
    });
  });
  return { username, oneTimePassword, countyCode };
}
