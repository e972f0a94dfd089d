/** The shell: product name, header, navigation and view titles. English; typed against zh-CN/shell.ts, so a missing or extra key fails the type check. */
import type { SameKeys } from '../same-keys.js';
import type { shell as zh } from '../zh-CN/shell.js';

export const shell: SameKeys<typeof zh> = {
  app: {
    name: 'Grid Command',
    tagline: 'County and township linked-response command',
    loading: 'Connecting to the console service…',
  },
  header: {
    scopeLabel: 'Scope',
    logout: 'Sign out',
    switchLanguage: '中文',
    switchLanguageTitle: 'Switch to Chinese',
  },
  nav: {
    wall: 'Video wall',
    map: 'Map',
    dispatch: 'Dispatch board',
    kpi: 'KPIs',
    audit: 'View audit',
    admin: 'Administration',
    duty: 'Duty',
    search: 'Case search',
    collapse: 'Collapse navigation',
    expand: 'Expand navigation',
  },
  scale: {
    label: 'Wall-distance scale',
    hint: 'Wall-distance scale: larger text and cards for a wall read from 3–5 m (kept on this console)',
    option100: '100%',
    option125: 'Wall 125%',
    option150: 'Wall 150%',
  },
  alerts: {
    title: 'Alerts',
    badge: '{{count}} unacknowledged alerts',
    empty: 'No alerts',
    ack: 'Acknowledge',
    ackAll: 'Acknowledge all',
    open: 'Open case',
    kind: {
      serious_case: 'New serious case',
      intake_late: 'Intake overdue',
      outbox_refused: 'Offline move refused',
      leg_overdue: 'Handling overdue (supervised automatically)',
      supervised: 'Supervision (督办) against your unit',
      camera_loan: 'A lent camera has arrived',
    },
    cameraLoanDetail: '{{camera}}, lent until {{until}}',
  },
  views: {
    dispatch: { title: 'Dispatch board' },
    kpi: { title: 'KPIs' },
    admin: { pending: 'The administration screens appear here.' },
  },
};
