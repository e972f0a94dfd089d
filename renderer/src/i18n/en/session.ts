/** Signing in, how a session ended, the link to the county hub. English; typed against zh-CN/session.ts, so a missing or extra key fails the type check. */
import type { SameKeys } from '../same-keys.js';
import type { session as zh } from '../zh-CN/session.js';

export const session: SameKeys<typeof zh> = {
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
  sessionEnded: {
    logout: 'You have signed out',
    expired: 'Session expired, please sign in again',
    revoked: 'Your session was revoked, please sign in again',
  },
  connection: {
    online: 'Platform online',
    connecting: 'Connecting',
    offline: 'Platform offline',
    since: 'since {{time}}',
    hub: 'County platform: {{url}}',
    lastError: 'Last error: {{error}}',
    unknown: 'Status unknown',
    cachedAt: 'offline data as of {{time}}',
    outboxPending: '{{count}} action(s) waiting to be sent',
    outboxRefused: '{{count}} offline action(s) refused',
  },
};
