/** Roles, one per user. Names are the ones in docs/glossary.md. */
export const ROLES = ['county_duty_officer', 'township_director', 'wall_operator', 'grid_worker', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Readonly<Record<Role, { zh: string; en: string }>> = {
  county_duty_officer: { zh: '县联动处置值班员', en: 'County duty officer' },
  township_director: { zh: '乡镇网格管理中心主任', en: 'Township grid centre director' },
  wall_operator: { zh: '大屏操作员', en: 'Video-wall operator' },
  grid_worker: { zh: '网格员', en: 'Grid worker' },
  admin: { zh: '系统管理员', en: 'Administrator' },
};

/** Roles that work in the console; grid workers use the handheld app (掌上治理通) against the hub directly. */
export const CONSOLE_ROLES: readonly Role[] = ['county_duty_officer', 'township_director', 'wall_operator', 'admin'];
