/** Words every feature uses (and the names of the product's codes), English; typed against zh-CN/shared.ts. */
import { CODE_NAMES_EN } from '../../../../common/code-names.js';
import type { SameKeys } from '../same-keys.js';
import type { shared as zh } from '../zh-CN/shared.js';

export const shared: SameKeys<typeof zh> = {
  retry: 'Retry',
  loading: 'Loading…',
  age: {
    justNow: 'just now',
    minutes: '{{count}} min ago',
    hours: '{{count}} h ago',
    days: '{{count}} d ago',
  },
  role: CODE_NAMES_EN.role,
  level: CODE_NAMES_EN.level,
  caseStatus: CODE_NAMES_EN.caseStatus,
  grade: CODE_NAMES_EN.grade,
  source: CODE_NAMES_EN.source,
};
