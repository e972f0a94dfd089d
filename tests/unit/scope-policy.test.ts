/**
 * The scope policy, exhaustively: every role × the level it is held at × every kind of target unit, for every
 * action. The expectations are written as the rules a county would state, not copied from the implementation.
 */
import { describe, expect, it } from 'vitest';
import type { OrgLevel, OrgUnitKind } from '../../common/org.js';
import { ROLES, type Role } from '../../common/roles.js';
import { ACTIONS, canAct, canSeeOrgUnit, canViewCamera, type Action } from '../../common/scope-policy.js';

// A small county: two townships; township 001 has a village and a community, each with a grid.
const COUNTY = '431099';
const T1 = '431099001';
const T2 = '431099002';
const UNITS: Array<{ code: string; level: OrgLevel; kind: OrgUnitKind }> = [
  { code: COUNTY, level: 'county', kind: 'county' },
  { code: T1, level: 'township', kind: 'township' },
  { code: T2, level: 'township', kind: 'street' },
  { code: '431099001001', level: 'village', kind: 'village' },
  { code: '431099001002', level: 'village', kind: 'community' },
  { code: '431099002001', level: 'village', kind: 'village' },
  { code: '431099001001001', level: 'grid', kind: 'grid' },
  { code: '431099001002001', level: 'grid', kind: 'grid' },
  { code: '431099002001001', level: 'grid', kind: 'grid' },
];

/** Where each role may legitimately be held. */
const VALID_POSTS: Record<Role, OrgLevel[]> = {
  county_duty_officer: ['county'],
  township_director: ['township'],
  village_director: ['village'],
  // Only with a department named (see the department officers' tests below): without one, no post is valid.
  department_officer: [],
  wall_operator: ['county', 'township', 'village'],
  grid_worker: ['grid'],
  admin: ['county'],
};

const EXPECTED: Record<Role, Action[]> = {
  county_duty_officer: [
    'console.use',
    'org.read',
    'camera.view',
    'wall.operate',
    'case.read',
    'case.report',
    'case.file',
    'case.dispatch',
    'case.check',
    'case.close',
    'case.takeover',
    'case.supervise',
    'camera.grant',
    'kpi.read',
    'audit.read',
  ],
  township_director: [
    'console.use',
    'org.read',
    'camera.view',
    'wall.operate',
    'case.read',
    'case.report',
    'case.file',
    'case.dispatch',
    'case.sign',
    'case.handle',
    'case.escalate',
    'case.check',
    'case.close',
    'kpi.read',
  ],
  village_director: [
    'console.use',
    'org.read',
    'camera.view',
    'wall.operate',
    'case.read',
    'case.report',
    'case.sign',
    'case.handle',
    'case.rate',
    'kpi.read',
  ],
  department_officer: [],
  wall_operator: ['console.use', 'org.read', 'camera.view', 'wall.operate', 'case.read'],
  grid_worker: ['org.read', 'case.read', 'case.report', 'case.handle'],
  admin: ['console.use', 'org.read', 'case.read', 'kpi.read', 'audit.read', 'user.manage', 'settings.edit'],
};

const isInside = (scope: string, code: string) => code.startsWith(scope);

describe('scope policy', () => {
  for (const role of ROLES) {
    for (const post of UNITS) {
      const principal = { role, orgUnitCode: post.code };
      const validPost = VALID_POSTS[role].includes(post.level);
      describe(`${role} at ${post.level} ${post.kind} ${post.code}`, () => {
        it(
          validPost ? 'may do its role’s actions inside its subtree only' : 'holds an invalid post and may do nothing',
          () => {
            for (const action of ACTIONS) {
              const roleHasIt = validPost && EXPECTED[role].includes(action);
              expect(canAct(principal, action), `${action} without target`).toBe(roleHasIt);
              for (const target of UNITS) {
                expect(canAct(principal, action, target.code), `${action} on ${target.code}`).toBe(
                  roleHasIt && isInside(post.code, target.code),
                );
              }
            }
          },
        );

        it('sees exactly the units of its subtree', () => {
          for (const target of UNITS) {
            expect(canSeeOrgUnit(principal, target.code), target.code).toBe(
              validPost && isInside(post.code, target.code),
            );
          }
        });

        it('views the cameras of its subtree, and others only when lent', () => {
          const mayView = validPost && EXPECTED[role].includes('camera.view');
          for (const target of UNITS.filter((u) => u.level === 'grid')) {
            const camera = { id: `cam-${target.code}`, orgUnitCode: target.code };
            expect(canViewCamera(principal, camera), target.code).toBe(mayView && isInside(post.code, target.code));
            expect(canViewCamera(principal, camera, new Set([camera.id])), `${target.code} lent`).toBe(mayView);
          }
        });
      });
    }
  }

  it('lets only console roles use the console', () => {
    const postAt: Record<OrgLevel, string> = {
      county: COUNTY,
      township: T1,
      village: '431099001001',
      grid: '431099001001001',
    };
    const consoleRoles = ROLES.filter((role) =>
      role === 'department_officer'
        ? canAct({ role, orgUnitCode: COUNTY, departmentCode: 'dept:zhujian' }, 'console.use')
        : canAct({ role, orgUnitCode: postAt[VALID_POSTS[role][0]!] }, 'console.use'),
    );
    expect(consoleRoles).toEqual([
      'county_duty_officer',
      'township_director',
      'village_director',
      'department_officer',
      'wall_operator',
      'admin',
    ]);
  });

  it('refuses malformed unit codes rather than matching them as prefixes', () => {
    const director = { role: 'township_director' as const, orgUnitCode: T1 };
    expect(canSeeOrgUnit(director, '431099001x')).toBe(false);
    expect(canSeeOrgUnit({ role: 'county_duty_officer', orgUnitCode: '' }, T1)).toBe(false);
  });
});
