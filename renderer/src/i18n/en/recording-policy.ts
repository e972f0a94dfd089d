/** Recording policies (administration view). English; typed against zh-CN/recording-policy.ts. */
import type { SameKeys } from '../same-keys.js';
import type { recordingPolicy as zh } from '../zh-CN/recording-policy.js';

export const recordingPolicy: SameKeys<typeof zh> = {
  tab: 'Recording policy',
  hubOn:
    'Recording is on at this hub: kept {{days}} days, disk quota {{quota}}, at most {{max}} cameras at once; {{wanted}} cameras to record by policy, {{recording}} recording now.',
  hubOff:
    'Recording is off at this hub (GRID_RECORDING is not on): policies are saved but nothing records. Once on: kept {{days}} days, disk quota {{quota}}, at most {{max}} cameras at once.',
  noQuota: 'none',
  capped:
    'The limit of {{max}} cameras at once is reached: {{count}} more should record by policy but do not: {{names}}',
  add: 'Add policy',
  edit: 'Edit',
  remove: 'Remove',
  removeConfirm: "Remove the policy of “{{name}}”? Its cameras fall back to their unit's policy (or are not recorded).",
  saved: 'Recording policy of “{{name}}” saved',
  removed: 'Recording policy of “{{name}}” removed',
  loadFailed: 'Recording policies could not be loaded: {{message}}',
  kinds: { unit: 'Unit', camera: 'Camera' },
  modes: { continuous: 'Continuous', events: 'Around events', off: 'Off' },
  columns: {
    target: 'For',
    mode: 'Mode',
    around: 'Before / after',
    updatedAt: 'Updated',
    updatedBy: 'By',
    actions: 'Actions',
  },
  seconds: '{{pre}} s before / {{post}} s after',
  bySystem: 'System (start-up setting)',
  empty: 'No policies yet: no camera records.',
  form: {
    titleAdd: 'Add a recording policy',
    titleEdit: 'Edit recording policy: {{name}}',
    kind: 'Applies to',
    unit: 'Unit',
    unitSearch: 'Search units by name or code',
    camera: 'Camera',
    cameraSearch: 'Search cameras by name or code',
    mode: 'Mode',
    pre: 'Kept before a mark (s)',
    post: 'Kept after a mark (s)',
    eventsHint: 'Only footage around a mark (a case reported nearby, say) is kept; at most 3600 s.',
    rule: "A camera's own policy wins over its unit's; a unit's policy applies to every camera below it without a nearer one.",
    save: 'Save',
    cancel: 'Cancel',
    pick: 'Choose one',
  },
  check: {
    title: 'Which policy applies to a camera',
    placeholder: 'Choose a camera',
    fromCamera: '“{{camera}}” has its own policy: {{mode}}',
    fromUnit: '“{{camera}}” follows the policy of its unit “{{unit}}” ({{code}}): {{mode}}',
    none: '“{{camera}}” and its units have no policy: not recorded',
    status: {
      recording: 'recording now',
      starting: 'about to record',
      capped: 'should record, but the limit of cameras at once is reached',
      not_recorded: 'not recorded',
      hub_off: 'recording is off at this hub',
      retired: 'a retired camera is not recorded',
    },
  },
};
