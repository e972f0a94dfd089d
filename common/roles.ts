/** Roles, one per user. Names are the ones in docs/glossary.md. */
export const ROLES = [
  'county_duty_officer',
  'township_director',
  'village_director',
  'department_officer',
  'wall_operator',
  'grid_worker',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles that work in the console; grid workers use the handheld app (掌上治理通) against the hub directly. */
export const CONSOLE_ROLES: readonly Role[] = [
  'county_duty_officer',
  'township_director',
  'village_director',
  'department_officer',
  'wall_operator',
  'admin',
];
