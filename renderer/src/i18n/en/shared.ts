/** Words every feature uses (and the names of the product's codes), English; typed against zh-CN/shared.ts. */
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
};
