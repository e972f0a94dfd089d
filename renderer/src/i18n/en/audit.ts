/** The view audit (调阅审计). English; typed against zh-CN/audit.ts, so a missing or extra key fails the type check. */
import type { SameKeys } from '../same-keys.js';
import type { audit as zh } from '../zh-CN/audit.js';

export const audit: SameKeys<typeof zh> = {
  title: 'Video view audit',
  subtitle: 'Who viewed which camera, when and why. Rows are append-only and hash-chained.',
  noPermission: 'Your account may not read the view audit (county duty officers and administrators only).',
  period: 'Period',
  user: 'Username or user id',
  camera: 'Camera id or GB/T 28181 code',
  kind: 'Kind',
  allKinds: 'All kinds',
  search: 'Search',
  export: 'Export CSV',
  exported: 'Exported {{name}}',
  loadFailed: 'Could not load the audit: {{message}}',
  truncated: 'Only the first {{count}} rows are shown: narrow the period or add a filter.',
  count: '{{count}} rows',
  kinds: {
    token_issued: 'Ticket issued',
    view: 'Viewing',
    grant_created: 'Camera lent',
    grant_ended: 'Loan ended',
  },
  columns: {
    at: 'Recorded',
    kind: 'Kind',
    user: 'User',
    unit: 'User unit',
    camera: 'Camera',
    quality: 'Stream',
    period: 'From – to',
    reason: 'Reason',
    caseId: 'Case',
    ip: 'Address',
    cameraCode: 'Camera code',
    from: 'Started (Beijing time)',
    to: 'Ended (Beijing time)',
    hash: 'Hash',
  },
  quality: { main: 'Main', sub: 'Sub' },
  system: 'System',
};
