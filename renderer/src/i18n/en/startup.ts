/** The desktop app's first-start screen. English; typed against zh-CN/startup.ts, so a missing or extra key fails the type check. */
import type { SameKeys } from '../same-keys.js';
import type { startup as zh } from '../zh-CN/startup.js';

export const startup: SameKeys<typeof zh> = {
  title: 'Starting Grid Command',
  firstStartHint:
    'The first start prepares the demo county and its video clips, which takes a minute or two; later starts take seconds.',
  steps: {
    county: 'Building the demo county (townships, villages, grids, cameras, accounts)',
    history: 'Importing the 2017–2020 event history',
    clips: 'Encoding the demo video clips',
  },
  stepWaiting: 'waiting',
  stepDone: 'done',
  restarting: 'The embedded hub stopped and is being restarted: {{reason}}',
  failed: 'The embedded hub did not start: {{reason}}',
  logPath: 'Log: {{path}}',
};
