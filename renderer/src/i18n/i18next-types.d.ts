/** Types i18next keys against the zh-CN resources, so a misspelt key fails the type check instead of showing up. */
import 'i18next';
import type { zhCN } from './zh-CN.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof zhCN };
  }
}
