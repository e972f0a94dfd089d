/**
 * The names of the product's codes — roles, org levels, case status, grade, source, leg role and status, history
 * notes, moves — in zh-CN and English: one table for the console's catalogues (renderer/src/i18n) and the hub's
 * papers (hub/paper/paper-labels.ts), so a 督办单 says what the screen says. Each table is typed over its union, so a
 * code added without its names fails the type check. Params are i18next-style `{{name}}`.
 */
import type { CaseGrade, CaseMoveType, CaseSource, CaseStatus, HistoryNoteCode, LegStatus } from './cases.js';
import type { OrgLevel } from './org.js';
import type { Role } from './roles.js';

type LegRole = 'lead' | 'assist';

export interface CodeNames {
  readonly role: Readonly<Record<Role, string>>;
  readonly level: Readonly<Record<OrgLevel, string>>;
  readonly caseStatus: Readonly<Record<CaseStatus, string>>;
  readonly grade: Readonly<Record<CaseGrade, string>>;
  readonly source: Readonly<Record<CaseSource, string>>;
  readonly legRole: Readonly<Record<LegRole, string>>;
  readonly legStatus: Readonly<Record<LegStatus, string>>;
  readonly historyNote: Readonly<Record<HistoryNoteCode, string>>;
  readonly moveType: Readonly<Record<CaseMoveType, string>>;
}

export const CODE_NAMES_ZH: CodeNames = {
  role: {
    county_duty_officer: '县联动处置值班员',
    township_director: '乡镇网格管理中心主任',
    village_director: '村（社区）便民服务站站长',
    department_officer: '县直部门办事员',
    wall_operator: '大屏操作员',
    grid_worker: '网格员',
    admin: '系统管理员',
  },
  level: {
    county: '县',
    township: '乡镇/街道',
    village: '村/社区',
    grid: '网格',
  },
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
  },
  grade: {
    routine: '日常',
    general: '一般',
    serious: '严重',
  },
  source: {
    grid_worker: '网格员上报',
    public: '公众随手拍',
    video_patrol: '视频巡查',
    hotline: '热线',
    department: '部门移交',
  },
  legRole: { lead: '主办', assist: '协办' },
  legStatus: {
    dispatched: '待签收',
    signed: '处置中',
    returned: '已回退',
    feedback: '已反馈',
    done: '已办结',
    withdrawn: '已撤回',
    ended: '随案结束',
  },
  historyNote: {
    automatic_overdue: '超时自动督办',
    possible_duplicate: '疑似重复：{{caseIds}}',
    merged_in: '并入 {{caseId}}',
    imported_from: '自旧平台导入：{{externalId}}',
    merged_into: '已作为重复件并入 {{caseId}}',
    callback_satisfied: '回访：已联系，满意',
    callback_unsatisfied: '回访：已联系，不满意',
    callback_not_reached: '回访：未接通',
    callback_reopened: '回访不满意，退回承办单位重新处置',
  },
  moveType: {
    request_verification: '核实',
    file: '立案',
    void: '作废',
    merge: '合并',
    handle_on_spot: '自行处置',
    dispatch: '派遣',
    sign: '签收',
    return: '回退',
    request_extension: '申请延期',
    decide_extension: '延期审批',
    request_ledger: '申请挂账',
    decide_ledger: '挂账审批',
    escalate: '上报升级',
    feedback: '处置反馈',
    check: '核查',
    evaluate: '评价',
    takeover: '接管',
    supervise: '督办',
    callback: '回访',
  },
};

export const CODE_NAMES_EN: CodeNames = {
  role: {
    county_duty_officer: 'County duty officer',
    township_director: 'Township grid centre director',
    village_director: 'Village / community director',
    department_officer: 'County department officer',
    wall_operator: 'Video-wall operator',
    grid_worker: 'Grid worker',
    admin: 'Administrator',
  },
  level: {
    county: 'County',
    township: 'Township',
    village: 'Village',
    grid: 'Grid',
  },
  caseStatus: {
    reported: 'Reported',
    verifying: 'Verifying',
    filed: 'Filed',
    dispatched: 'Dispatched',
    in_progress: 'In progress',
    checking: 'Awaiting check',
    closed: 'Closed',
    evaluated: 'Evaluated',
    void: 'Void',
    merged: 'Merged',
  },
  grade: {
    routine: 'Routine',
    general: 'General',
    serious: 'Serious',
  },
  source: {
    grid_worker: 'Grid worker',
    public: 'Public report',
    video_patrol: 'Video patrol',
    hotline: 'Hotline',
    department: 'Department referral',
  },
  legRole: { lead: 'Lead', assist: 'Assist' },
  legStatus: {
    dispatched: 'To sign for',
    signed: 'Handling',
    returned: 'Returned',
    feedback: 'Fed back',
    done: 'Done',
    withdrawn: 'Withdrawn',
    ended: 'Closed with the case',
  },
  historyNote: {
    automatic_overdue: 'Automatic supervision: overdue',
    possible_duplicate: 'Possible duplicate of {{caseIds}}',
    merged_in: 'Merged in {{caseId}}',
    imported_from: 'Imported from the old platform: {{externalId}}',
    merged_into: 'Merged as a duplicate into {{caseId}}',
    callback_satisfied: 'Call-back: reached, satisfied',
    callback_unsatisfied: 'Call-back: reached, not satisfied',
    callback_not_reached: 'Call-back: not reached',
    callback_reopened: 'Call-back not satisfied: sent back to the handling unit',
  },
  moveType: {
    request_verification: 'Request verification',
    file: 'File',
    void: 'Void',
    merge: 'Merge',
    handle_on_spot: 'Handle on the spot',
    dispatch: 'Dispatch',
    sign: 'Sign for',
    return: 'Return',
    request_extension: 'Request extension',
    decide_extension: 'Decide extension',
    request_ledger: 'Request ledger',
    decide_ledger: 'Decide ledger',
    escalate: 'Escalate',
    feedback: 'Feed back',
    check: 'Check',
    evaluate: 'Evaluate',
    takeover: 'Take over',
    supervise: 'Supervise',
    callback: 'Call back',
  },
};
