/**
 * The words printed on the hub's papers, zh-CN first and English, by the user's console language. The names of
 * codes (statuses, moves, roles …) come from common/code-names.ts, the table the console's catalogues use, so the
 * paper says what the screen says; the sentences below are the papers' own. Lookups fall back to the code itself.
 */
import { CODE_NAMES_EN, CODE_NAMES_ZH } from '../../common/code-names.js';
import type { PaperLanguage } from '../../common/contract-paper.js';

type Words = Readonly<Record<string, string>>;

interface PaperWords {
  readonly status: Words;
  readonly grade: Words;
  readonly source: Words;
  readonly move: Words;
  readonly role: Words;
  readonly legRole: Words;
  readonly legStatus: Words;
  readonly level: Words;
  readonly historyNote: Words;
  readonly text: Words;
}

const zh: PaperWords = {
  status: CODE_NAMES_ZH.caseStatus,
  grade: CODE_NAMES_ZH.grade,
  source: CODE_NAMES_ZH.source,
  move: { report: '上报', import: '历史导入', ...CODE_NAMES_ZH.moveType },
  role: CODE_NAMES_ZH.role,
  legRole: CODE_NAMES_ZH.legRole,
  legStatus: CODE_NAMES_ZH.legStatus,
  level: CODE_NAMES_ZH.level,
  historyNote: CODE_NAMES_ZH.historyNote,
  text: {
    product: '网格联动指挥台',
    page: '第 {page} 页 / 共 {pages} 页',
    printedAt: '打印时间：{time}',
    printedBy: '打印人：{name}',
    none: '无',
    // 督办单
    noticeTitle: '督 办 单',
    noticeNumber: '编号：{number}',
    noticeTo: '{unit}：',
    noticeBody:
      '你单位承办的案件 {caseNo}（{category}，{grade}）处置时限为 {due}，截至 {at} 仍未办结，已超出时限。现予督办，请于 {reply} 前办结并反馈处置结果；确有困难的，应说明原因并提出办理计划。',
    noticeRequirement: '督办要求',
    noticeRequirementDefault:
      '请立即组织力量处置，按要求反馈处置结果及现场照片；逾期未办结的，纳入月度考核并予以通报。',
    noticeReplyBy: '反馈期限',
    noticeSupervisingUnit: '督办单位',
    noticeHandlingUnit: '承办单位',
    noticeKind: '督办方式',
    noticeAutomatic: '超时自动督办',
    noticeManual: '人工督办（{name}）',
    noticeManualShort: '人工督办',
    noticeNumberShort: '督办单编号',
    noticeIssuedAt: '督办时间',
    noticeStamp: '（盖章）',
    noticeReceipt: '签收人：__________　　签收时间：____年__月__日',
    // case facts
    caseFacts: '案件信息',
    caseNo: '案件编号',
    category: '事件类别',
    grade: '事件等级',
    source: '案件来源',
    status: '当前状态',
    place: '发生地点',
    location: '经纬度',
    description: '问题描述',
    reportedAt: '上报时间',
    filedAt: '立案时间',
    dueAt: '处置时限',
    closedAt: '结案时间',
    reporters: '上报人',
    supervisions: '督办记录',
    supervisionCount: '督办次数',
    rework: '返工次数',
    rating: '评价',
    // case sheet
    sheetTitle: '案 件 处 置 单',
    legs: '派遣与处置',
    legUnit: '处置单位',
    legRole: '主/协办',
    legStatus: '状态',
    legDispatched: '派遣时间',
    legDue: '时限',
    legSigned: '签收时间',
    legFeedback: '处置结果',
    timeline: '处置过程',
    timelineAt: '时间',
    timelineMove: '环节',
    timelineActor: '操作人',
    timelineStatus: '状态变化',
    timelineNote: '意见/说明',
    photos: '现场照片',
    noPhotos: '无照片',
    // KPI monthly report
    kpiTitle: '{unit} {month} 网格化服务管理工作月报',
    kpiMonth: '{year}年{month}月',
    kpiPeriod: '统计口径：{from} 至 {to} 上报的案件，状态截至 {asOf}',
    kpiSummary: '一、主要指标',
    kpiFigure: '指标',
    kpiValue: '数值',
    kpiBasis: '计算依据',
    kpiSmall: '样本少于 20 件，仅供参考',
    kpiTrend: '二、近十二个月受理与结案',
    kpiBySource: '三、案件来源构成',
    kpiByCategory: '四、案件类别（大类）',
    kpiByUnit: '五、承办单位',
    kpiUnit: '单位',
    kpiNoData: '本月无案件',
    received: '受理',
    filed: '立案',
    closed: '结案',
    openOverdue: '超期未结',
    closureRate: '结案率',
    onTimeRate: '按期结案率',
    reworkRate: '返工率',
    gridLevelShare: '网格层级办结占比',
    supervisionCountKpi: '督办次数',
    avgHandlingHours: '平均处置时长',
    avgRating: '平均评价',
    hours: '{value} 小时',
    count: '{value} 件',
    share: '占比',
    wholeCounty: '全县',
    roomCounty: '{unit}社会治理指挥中心',
    roomTownship: '{unit}网格管理中心',
    roomVillage: '{unit}网格管理便民服务站',
  },
};

const en: PaperWords = {
  status: CODE_NAMES_EN.caseStatus,
  grade: CODE_NAMES_EN.grade,
  source: CODE_NAMES_EN.source,
  move: { report: 'Reported', import: 'Imported', ...CODE_NAMES_EN.moveType },
  role: CODE_NAMES_EN.role,
  legRole: CODE_NAMES_EN.legRole,
  legStatus: CODE_NAMES_EN.legStatus,
  level: CODE_NAMES_EN.level,
  historyNote: CODE_NAMES_EN.historyNote,
  text: {
    product: 'Grid Command',
    page: 'Page {page} of {pages}',
    printedAt: 'Printed {time}',
    printedBy: 'Printed by {name}',
    none: 'None',
    noticeTitle: 'Supervision Notice',
    noticeNumber: 'No. {number}',
    noticeTo: 'To {unit}:',
    noticeBody:
      'Case {caseNo} ({category}, {grade}) handled by your unit was due by {due} and was still not completed at {at}. It is hereby placed under supervision: complete it and report the result by {reply}; if that is not possible, state why and submit a plan.',
    noticeRequirement: 'Requirement',
    noticeRequirementDefault:
      'Assign staff at once, handle the case and report the result with on-site photos. Cases still not completed will count in the monthly assessment and be circulated.',
    noticeReplyBy: 'Reply by',
    noticeSupervisingUnit: 'Supervising unit',
    noticeHandlingUnit: 'Handling unit',
    noticeKind: 'Raised',
    noticeAutomatic: 'Automatically, on overdue',
    noticeManual: 'By hand ({name})',
    noticeManualShort: 'By hand',
    noticeNumberShort: 'Notice number',
    noticeIssuedAt: 'Supervised at',
    noticeStamp: '(seal)',
    noticeReceipt: 'Received by: __________   Date: ____-__-__',
    caseFacts: 'Case facts',
    caseNo: 'Case number',
    category: 'Category',
    grade: 'Grade',
    source: 'Source',
    status: 'Status',
    place: 'Place',
    location: 'Coordinates',
    description: 'Description',
    reportedAt: 'Reported',
    filedAt: 'Filed',
    dueAt: 'Due',
    closedAt: 'Closed',
    reporters: 'Reporters',
    supervisions: 'Supervisions',
    supervisionCount: 'Supervisions',
    rework: 'Rework',
    rating: 'Rating',
    sheetTitle: 'Case Sheet',
    legs: 'Dispatch and handling',
    legUnit: 'Unit',
    legRole: 'Role',
    legStatus: 'Status',
    legDispatched: 'Dispatched',
    legDue: 'Due',
    legSigned: 'Signed for',
    legFeedback: 'Result',
    timeline: 'Timeline',
    timelineAt: 'Time',
    timelineMove: 'Step',
    timelineActor: 'By',
    timelineStatus: 'Status',
    timelineNote: 'Note',
    photos: 'Photos',
    noPhotos: 'No photos',
    kpiTitle: '{unit}: grid management report, {month}',
    kpiMonth: '{year}-{month}',
    kpiPeriod: 'Cases reported {from} to {to}, as they stood at {asOf}',
    kpiSummary: '1. Key figures',
    kpiFigure: 'Figure',
    kpiValue: 'Value',
    kpiBasis: 'Basis',
    kpiSmall: 'Fewer than 20 cases: indicative only',
    kpiTrend: '2. Received and closed, last twelve months',
    kpiBySource: '3. Sources',
    kpiByCategory: '4. Categories (major)',
    kpiByUnit: '5. Handling units',
    kpiUnit: 'Unit',
    kpiNoData: 'No cases this month',
    received: 'Received',
    filed: 'Filed',
    closed: 'Closed',
    openOverdue: 'Open and overdue',
    closureRate: 'Closure rate',
    onTimeRate: 'On-time rate',
    reworkRate: 'Rework rate',
    gridLevelShare: 'Closed at grid level',
    supervisionCountKpi: 'Supervisions',
    avgHandlingHours: 'Average handling time',
    avgRating: 'Average rating',
    hours: '{value} h',
    count: '{value}',
    share: 'Share',
    wholeCounty: 'Whole county',
    roomCounty: '{unit} Social Governance Command Centre',
    roomTownship: '{unit} Grid Management Centre',
    roomVillage: '{unit} Grid Service Station',
  },
};

const WORDS: Readonly<Record<PaperLanguage, PaperWords>> = { 'zh-CN': zh, en };

export type PaperWordGroup = Exclude<keyof PaperWords, 'text'>;

/** The words of one language: `t(key, params)` for sentences, `label(group, code)` for codes. */
export interface PaperText {
  readonly lang: PaperLanguage;
  t(key: string, params?: Readonly<Record<string, string | number>>): string;
  label(group: PaperWordGroup, code: string): string;
}

const fill = (template: string, params: Readonly<Record<string, string | number>> = {}): string =>
  template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));

export function paperText(lang: PaperLanguage): PaperText {
  const words = WORDS[lang];
  return {
    lang,
    t: (key, params) => fill(words.text[key] ?? key, params),
    label: (group, code) => words[group][code] ?? code,
  };
}

/** Both languages name the same keys (a unit test checks). */
export const paperWordKeys = (lang: PaperLanguage): Record<string, string[]> =>
  Object.fromEntries(Object.entries(WORDS[lang]).map(([group, words]) => [group, Object.keys(words).sort()]));
