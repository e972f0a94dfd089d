/** Loading a county: org-tree import and the camera registry. English; typed against zh-CN/county-admin.ts. */
import type { SameKeys } from '../same-keys.js';
import type { countyAdmin as zh } from '../zh-CN/county-admin.js';

export const countyAdmin: SameKeys<typeof zh> = {
  tabs: { orgImport: 'Org tree import', cameras: 'Cameras' },
  import: {
    orgHint:
      'A GeoJSON FeatureCollection, one feature per unit: code (GB/T 2260: 6-digit county + 3 digits per township, village and grid), name, level, parent_code; boundaries as WGS84 lon/lat polygons. Tolerance: outside the parent, overlapping a sibling or leaving the parent uncovered, 1 % of the area at most.',
    cameraHint:
      'CSV with the header code,name,unit_code,lon,lat,main_url,sub_url,sensitive,ptz, optionally followed by onvif_url,onvif_username,onvif_password for PTZ cameras (or a JSON array with the same keys; an empty ONVIF cell keeps what is stored). Updates by code; cameras missing from the file are left alone — use Retire to take one out of service.',
    choose: 'Choose file',
    chosen: '{{name}} ({{size}})',
    dryRun: 'Dry run',
    run: 'Import',
    reading: 'Reading the file…',
    checking: 'The county hub is checking it…',
    writing: 'Writing…',
    clean: 'No problems found; ready to import.',
    problemCount: '{{count}} problem(s) found; nothing was written.',
    applied: 'Imported.',
    counts:
      '{{total}} in the file: {{added}} added, {{updated}} updated, {{unchanged}} unchanged, {{removed}} removed; {{seconds}} s',
    columns: { at: 'Where', code: 'Code', kind: 'Problem', message: 'Detail' },
    atFeature: 'feature {{at}}',
    atLine: 'line {{at}}',
  },
  cameras: {
    add: 'Add camera',
    edit: 'Edit',
    retire: 'Retire',
    retireConfirm: 'A retired camera leaves every wall tree and refuses every stream. Retire {{name}}?',
    probe: 'Probe',
    import: 'Import',
    search: 'Search by name, code or unit',
    showRetired: 'Show retired',
    retired: 'Retired',
    never: 'Not probed',
    healthy: 'OK',
    failing: 'Failing',
    columns: {
      code: 'GB/T 28181 code',
      name: 'Name',
      unit: 'Unit',
      flags: 'Flags',
      url: 'Main stream',
      health: 'Health',
      actions: 'Actions',
    },
    flags: { sensitive: 'Sensitive', ptz: 'PTZ' },
    form: {
      code: 'GB/T 28181 code (20 digits)',
      name: 'Name',
      unit: 'Unit code',
      lon: 'Longitude',
      lat: 'Latitude',
      mainUrl: 'Main stream RTSP URL',
      subUrl: 'Sub stream RTSP URL',
      keepUrl: 'Leave empty to keep the stored URL (it holds a password and is never shown)',
      sensitive: 'Sensitive spot',
      ptz: 'PTZ-capable',
      save: 'Save',
      cancel: 'Cancel',
    },
    saved: 'Saved {{name}}',
    loadFailed: 'The camera list could not be loaded: {{message}}',
  },
};
