/**
 * `npm run hub -- init --county-code 431099 --county-name 某县 [--username admin] [--center 112.9,28.2]`: creates the
 * first administrator on an empty data dir (GRID_DATA_DIR) and prints their one-time password once, on stdout only
 * (never to the log). Refused when any user exists.
 */
import { parseArgs } from 'node:util';
import { GridCommandError } from '../../common/errors.js';
import { initFirstAdmin } from './first-admin.js';

export async function runInitCommand(args: readonly string[], dbPath: string): Promise<number> {
  let values: Record<string, string | undefined>;
  try {
    values = parseArgs({
      args: [...args],
      options: {
        'county-code': { type: 'string' },
        'county-name': { type: 'string' },
        center: { type: 'string' },
        username: { type: 'string' },
        'display-name': { type: 'string' },
      },
      strict: true,
    }).values as Record<string, string | undefined>;
  } catch (err) {
    console.error(`init: ${err instanceof Error ? err.message : String(err)}`);
    return 2;
  }
  const center = values.center?.split(',').map(Number);
  try {
    const admin = await initFirstAdmin(dbPath, {
      countyCode: values['county-code'],
      countyName: values['county-name'],
      center: center?.length === 2 && center.every(Number.isFinite) ? [center[0]!, center[1]!] : undefined,
      username: values.username,
      displayName: values['display-name'],
    });
    console.log(`First administrator created in ${dbPath} (county ${admin.countyCode}).`);
    console.log(`  username:           ${admin.username}`);
    console.log(`  one-time password:  ${admin.oneTimePassword}`);
    console.log('This password is shown only now. It must be changed at the first login.');
    return 0;
  } catch (err) {
    const refused = err instanceof GridCommandError;
    console.error(`init refused: ${err instanceof Error ? err.message : String(err)}`);
    return refused ? 1 : 2;
  }
}
