/** The org tree (组织机构). English; typed against zh-CN/org-tree.ts, so a missing or extra key fails the type check. */
import type { SameKeys } from '../same-keys.js';
import type { orgTree as zh } from '../zh-CN/org-tree.js';

export const orgTree: SameKeys<typeof zh> = {
  title: 'Organisation',
  search: 'Search by name',
  empty: 'No units in your scope',
  noMatch: 'No unit name matches',
  loadFailed: 'Could not load the organisation: {{message}}',
  units: '{{count}} units',
  population: 'Population {{value}}',
  households: 'Households {{value}}',
  collapse: 'Collapse the organisation panel',
  expand: 'Show the organisation panel',
};
