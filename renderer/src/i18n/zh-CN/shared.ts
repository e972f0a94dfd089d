/**
 * Words every feature uses (the load/error/empty state, how long ago, and the names of the product's codes: roles,
 * org levels, case status, grade and source), zh-CN; en/shared.ts is typed against it. Each code table `satisfies`
 * its union in common/, so a code added there without its name here fails the type check.
 */
import type { CaseGrade, CaseSource, CaseStatus } from '../../../../common/cases.js';
import type { OrgLevel } from '../../../../common/org.js';
import type { Role } from '../../../../common/roles.js';

export const shared = {
  retry: '重试',
  loading: '正在加载…',
  age: {
    justNow: '刚刚',
    minutes: '{{count}} 分钟前',
    hours: '{{count}} 小时前',
    days: '{{count}} 天前',
  },
  role: {
    county_duty_officer: '县联动处置值班员',
    township_director: '乡镇网格管理中心主任',
    village_director: '村（社区）便民服务站站长',
    department_officer: '县直部门办事员',
    wall_operator: '大屏操作员',
    grid_worker: '网格员',
    admin: '系统管理员',
  } satisfies Record<Role, string>,
  level: {
    county: '县',
    township: '乡镇/街道',
    village: '村/社区',
    grid: '网格',
  } satisfies Record<OrgLevel, string>,
  caseStatus: {
    reported: '待受理',
    verifying: '核实中',
    filed: '待派遣',
    dispatched: '待签收',
    in_progress: '处置中',
    checking: '待核查',
    closed: '已结案',
    evaluated: '已评价',
    void: '已作废',
    merged: '已合并',
  } satisfies Record<CaseStatus, string>,
  grade: {
    routine: '日常',
    general: '一般',
    serious: '严重',
  } satisfies Record<CaseGrade, string>,
  source: {
    grid_worker: '网格员上报',
    public: '公众随手拍',
    video_patrol: '视频巡查',
    hotline: '热线',
    department: '部门移交',
  } satisfies Record<CaseSource, string>,
};
