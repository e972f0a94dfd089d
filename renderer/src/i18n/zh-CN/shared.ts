/**
 * Words every feature uses (the load/error/empty state, how long ago, and the names of the product's codes: roles,
 * org levels, case status, grade and source, from common/code-names.ts, which the hub's papers print too), zh-CN;
 * en/shared.ts is typed against it.
 */
import { CODE_NAMES_ZH } from '../../../../common/code-names.js';

export const shared = {
  retry: '重试',
  loading: '正在加载…',
  age: {
    justNow: '刚刚',
    minutes: '{{count}} 分钟前',
    hours: '{{count}} 小时前',
    days: '{{count}} 天前',
  },
  role: CODE_NAMES_ZH.role,
  level: CODE_NAMES_ZH.level,
  caseStatus: CODE_NAMES_ZH.caseStatus,
  grade: CODE_NAMES_ZH.grade,
  source: CODE_NAMES_ZH.source,
};
