/**
 * Types i18next keys against the zh-CN resources, namespace by namespace, so a misspelt key (or one in the wrong
 * namespace) fails the type check instead of showing up. Components name their namespaces —
 * `useTranslation(['dispatch', 'shared'])` — and write keys as `dispatch:board.label`.
 */
import 'i18next';
import type { zhCN } from './zh-CN/index.js';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'shell';
    resources: typeof zhCN;
  }
}
