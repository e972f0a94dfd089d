/**
 * The contract's method and push names as plain strings, for the preload: it must stay tiny and carry no schema
 * code, yet refuse any name outside the contract. A test checks these lists equal the contract's keys.
 */
export const CONSOLE_CALL_NAMES = [
  'session.login',
  'session.logout',
  'session.current',
  'connection.status',
  'org.units',
  'cameras.list',
  'cases.board',
  'cases.get',
  'cases.move',
  'cases.report',
  'stats.kpis',
  'cameras.stream',
  'audit.views',
  'map.events',
  'map.boundaries',
  'wall.layouts',
  'wall.saveLayout',
  'wall.deleteLayout',
  'wall.displays',
  'wall.openDisplay',
  'wall.cast',
  'wall.castState',
  'outbox.list',
  'outbox.dismiss',
  'session.changePassword',
  'admin.users',
  'admin.createUser',
  'admin.updateUser',
  'admin.setDisabled',
  'admin.unlockUser',
  'admin.resetPassword',
  'admin.userSessions',
  'admin.endSession',
  'admin.importUsers',
  'admin.audit',
  'reference.get',
  'reference.saveVersion',
  'reference.importCalendarYear',
  'admin.orgImport',
  'admin.cameraImport',
  'admin.cameras',
  'admin.cameraAdd',
  'admin.cameraEdit',
  'admin.cameraRetire',
  'admin.cameraProbe',
  'paper.fetch',
  'paper.open',
] as const;

export const CONSOLE_PUSH_NAMES = [
  'connection.changed',
  'camera.status',
  'session.ended',
  'case.changed',
  'wall.cast',
  'outbox.refused',
] as const;

/** IPC channel names: one per call, one for all pushes. */
export const ipcCallChannel = (method: string): string => `grid-command:call:${method}`;
export const IPC_PUSH_CHANNEL = 'grid-command:push';
