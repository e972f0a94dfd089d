/**
 * The county's functional departments (县直部门) that linked-response dispatch can send a leg to.
 *
 * Departments are not org units: they sit beside the township tree, so they get their own stable codes
 * `dept:<pinyin>` rather than GB/T 2260 digits. A department's legs are signed for and fed back by its own officers
 * (`department_officer`, whose scope is the department's code; see scope-policy.ts and case-rules.ts).
 */

export interface Department {
  readonly code: `dept:${string}`;
  /** Short name used on cards and in KPI tables. */
  readonly short: string;
  readonly zh: string;
  readonly en: string;
}

export const DEPARTMENTS = [
  { code: 'dept:gongan', short: '公安', zh: '县公安局', en: 'Public Security Bureau' },
  { code: 'dept:zhujian', short: '住建', zh: '县住房和城乡建设局', en: 'Housing and Urban-Rural Development Bureau' },
  { code: 'dept:shichang', short: '市场监管', zh: '县市场监督管理局', en: 'Market Regulation Bureau' },
  { code: 'dept:weijian', short: '卫健', zh: '县卫生健康局', en: 'Health Commission' },
  { code: 'dept:sifa', short: '司法', zh: '县司法局', en: 'Justice Bureau' },
  {
    code: 'dept:renshe',
    short: '人社',
    zh: '县人力资源和社会保障局',
    en: 'Human Resources and Social Security Bureau',
  },
  { code: 'dept:yingji', short: '应急', zh: '县应急管理局', en: 'Emergency Management Bureau' },
  {
    code: 'dept:chengguan',
    short: '城管',
    zh: '县城市管理和综合执法局',
    en: 'Urban Management and Law Enforcement Bureau',
  },
  { code: 'dept:ziran', short: '自然资源', zh: '县自然资源局', en: 'Natural Resources Bureau' },
  { code: 'dept:shengtai', short: '生态环境', zh: '市生态环境局县分局', en: 'Ecology and Environment Sub-bureau' },
  { code: 'dept:jiaotong', short: '交通', zh: '县交通运输局', en: 'Transport Bureau' },
  { code: 'dept:shuili', short: '水利', zh: '县水利局', en: 'Water Resources Bureau' },
  { code: 'dept:nongye', short: '农业农村', zh: '县农业农村局', en: 'Agriculture and Rural Affairs Bureau' },
  { code: 'dept:linye', short: '林业', zh: '县林业局', en: 'Forestry Bureau' },
  { code: 'dept:minzheng', short: '民政', zh: '县民政局', en: 'Civil Affairs Bureau' },
  { code: 'dept:jiaoyu', short: '教育', zh: '县教育局', en: 'Education Bureau' },
  { code: 'dept:xinfang', short: '信访', zh: '县信访局', en: 'Letters and Visits Bureau' },
  { code: 'dept:xiaofang', short: '消防', zh: '县消防救援大队', en: 'Fire and Rescue Brigade' },
] as const satisfies readonly Department[];

export type DepartmentCode = (typeof DEPARTMENTS)[number]['code'];

export const DEPARTMENT_CODE_PATTERN = /^dept:[a-z]+$/;

const BY_CODE = new Map<string, Department>(DEPARTMENTS.map((d) => [d.code, d]));

/** A code naming one of the county's known departments (not merely shaped like one). */
export function isDepartmentCode(code: string): code is DepartmentCode {
  return BY_CODE.has(code);
}

export function departmentByCode(code: string): Department | null {
  return BY_CODE.get(code) ?? null;
}
