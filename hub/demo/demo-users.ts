/**
 * Demo accounts for every role at county, township and village level, and one officer per department. Their password is published in the README,
 * so they are flagged `is_demo_password` and the hub refuses to start with them outside demo mode.
 */
import { DEPARTMENTS } from '../../common/departments.js';
import type { Role } from '../../common/roles.js';

export const DEMO_PASSWORD = 'Demo@2026';

export interface DemoUserSpec {
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly orgUnitCode: string;
  /** A department officer's department (its org unit is then the county). */
  readonly departmentCode?: string;
}

const SURNAMES = ['王', '李', '张', '刘', '陈', '杨', '黄', '赵', '周', '吴', '徐', '孙', '朱', '胡', '郭', '何'];
const GIVEN = [
  '建国',
  '秀英',
  '志强',
  '丽华',
  '伟',
  '敏',
  '海燕',
  '军',
  '桂兰',
  '晓东',
  '红梅',
  '文斌',
  '春生',
  '玉兰',
];
const personName = (i: number) => `${SURNAMES[i % SURNAMES.length]}${GIVEN[(i * 5) % GIVEN.length]}`;

export interface DemoUnitsForUsers {
  readonly countyCode: string;
  /** Township codes in code order. */
  readonly townshipCodes: readonly string[];
  readonly firstVillageCode: string;
  readonly firstCommunityCode: string;
  readonly firstGridCode: string;
}

export function demoUserSpecs(units: DemoUnitsForUsers): DemoUserSpec[] {
  let n = 0;
  const next = () => personName(n++);
  const specs: DemoUserSpec[] = [
    { username: 'admin', displayName: `管理员 ${next()}`, role: 'admin', orgUnitCode: units.countyCode },
    { username: 'county.duty', displayName: next(), role: 'county_duty_officer', orgUnitCode: units.countyCode },
    { username: 'county.duty2', displayName: next(), role: 'county_duty_officer', orgUnitCode: units.countyCode },
    { username: 'county.wall', displayName: next(), role: 'wall_operator', orgUnitCode: units.countyCode },
  ];
  units.townshipCodes.forEach((code, i) => {
    const nn = String(i + 1).padStart(2, '0');
    specs.push({ username: `town${nn}.director`, displayName: next(), role: 'township_director', orgUnitCode: code });
    specs.push({ username: `town${nn}.wall`, displayName: next(), role: 'wall_operator', orgUnitCode: code });
  });
  specs.push(
    { username: 'village.wall', displayName: next(), role: 'wall_operator', orgUnitCode: units.firstVillageCode },
    { username: 'community.wall', displayName: next(), role: 'wall_operator', orgUnitCode: units.firstCommunityCode },
    { username: 'grid.worker', displayName: next(), role: 'grid_worker', orgUnitCode: units.firstGridCode },
    // The village/community duty desks (坐班) of the first village and the first community.
    {
      username: 'village.director',
      displayName: next(),
      role: 'village_director',
      orgUnitCode: units.firstVillageCode,
    },
    {
      username: 'community.director',
      displayName: next(),
      role: 'village_director',
      orgUnitCode: units.firstCommunityCode,
    },
  );
  // One officer per department: the county no longer signs for departments, so every department the dispatch list
  // offers has someone to sign for its legs ("dept.zhujian" for 住建 …).
  for (const dept of DEPARTMENTS) {
    specs.push({
      username: `dept.${dept.code.slice('dept:'.length)}`,
      displayName: `${dept.short} ${next()}`,
      role: 'department_officer',
      orgUnitCode: units.countyCode,
      departmentCode: dept.code,
    });
  }
  return specs;
}
