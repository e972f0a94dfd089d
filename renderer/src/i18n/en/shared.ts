/** Words every feature uses, English; typed against zh-CN/shared.ts. */
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
};
