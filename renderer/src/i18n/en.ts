/** English strings, the second language. Typed against zh-CN so a missing or extra key fails the type check. */
import type { zhCN } from './zh-CN.js';

type SameKeys<T> = { [K in keyof T]: T[K] extends string ? string : SameKeys<T[K]> };

export const en: SameKeys<typeof zhCN> = {
  app: {
    name: 'Grid Command',
    tagline: 'County and township linked-response command',
    loading: 'Connecting to the console service…',
  },
  login: {
    title: 'Sign in',
    subtitle: 'For county duty officers, township grid centre directors and video-wall operators',
    username: 'Username',
    password: 'Password',
    usernameRequired: 'Enter your username',
    passwordRequired: 'Enter your password',
    submit: 'Sign in',
    submitting: 'Signing in…',
    gridWorkerHint: 'Grid workers use the handheld app (掌上治理通).',
  },
  errors: {
    invalid_credentials: 'Wrong username or password',
    rate_limited: 'Too many attempts, please try again later',
    hub_unreachable: 'Cannot reach the county platform',
    not_console_role: 'This account cannot use the console (grid workers use the handheld app)',
    console_unreachable: 'Cannot reach the console service',
    unauthenticated: 'Not signed in, or the session is no longer valid',
    token_expired: 'Session expired, please sign in again',
    forbidden: 'You are not allowed to do this',
    internal: 'Internal error, please contact the administrator',
    unknown: 'Failed: {{message}}',
  },
  sessionEnded: {
    logout: 'You have signed out',
    expired: 'Session expired, please sign in again',
    revoked: 'Your session was revoked, please sign in again',
  },
  header: {
    scopeLabel: 'Scope',
    logout: 'Sign out',
    switchLanguage: '中文',
    switchLanguageTitle: 'Switch to Chinese',
  },
  connection: {
    online: 'Platform online',
    connecting: 'Connecting',
    offline: 'Platform offline',
    since: 'since {{time}}',
    hub: 'County platform: {{url}}',
    lastError: 'Last error: {{error}}',
    unknown: 'Status unknown',
  },
  nav: {
    wall: 'Video wall',
    map: 'Map',
    dispatch: 'Dispatch board',
    kpi: 'KPIs',
    collapse: 'Collapse navigation',
    expand: 'Expand navigation',
  },
  orgTree: {
    title: 'Organisation',
    search: 'Search by name',
    empty: 'No units in your scope',
    noMatch: 'No unit name matches',
    loadFailed: 'Could not load the organisation: {{message}}',
    retry: 'Retry',
    units: '{{count}} units',
    population: 'Population {{value}}',
    households: 'Households {{value}}',
  },
  views: {
    comingSoon: 'Coming in its own issue',
    selectedUnit: 'Selected unit: {{name}}',
    wall: {
      title: 'Video wall',
      description: 'Split-screen wall, patrol tours and camera viewing by permission.',
      cameras: 'Cameras in scope',
      online: 'Online',
      sensitive: 'Sensitive',
      loadFailed: 'Could not load cameras: {{message}}',
    },
    map: { title: 'Map', description: 'Event heatmap, grid boundaries and camera locations.' },
    dispatch: {
      title: 'Dispatch board',
      description: 'File, dispatch, sign, handle, check and close: the whole case loop.',
    },
    kpi: { title: 'KPIs', description: 'Closure rate, on-time rate, rework rate and supervision counts per unit.' },
  },
};
