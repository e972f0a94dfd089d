/**
 * `npm run hub [-- <command>] [--config <file>]`: the county hub alone, headless, for a county server.
 *   (none) / serve             run the hub. Demo mode (X County, published passwords) is on unless GRID_DEMO=0.
 *   init --county-code <code> --county-name <name> …   the first administrator of an empty data dir (README)
 *   backup [--to <dir>]        online backup of its database (docs/operations.md)
 *   restore <file> [--data-dir <dir>] [--force]
 * Settings: grid-hub.json (--config or GRID_CONFIG) under the GRID_* environment (hub/config-file.ts). Logs go to
 * stdout and `<data dir>/logs/` (see README, "Logs").
 */
import { runInitCommand } from './auth/first-admin-cli.js';
import { takeConfigFlag } from './config-file.js';
import { backup, restore, serve } from './cli-commands.js';
import { hubConfigFromEnv } from './config.js';

/** `init`: the first administrator of an empty data dir (hub/auth/first-admin-cli.ts); a non-zero code stops here. */
async function init(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const code = await runInitCommand(args, hubConfigFromEnv(env, { dataDir: '.grid-data', port: 7300 }).dbPath);
  if (code !== 0) process.exit(code);
}

const COMMANDS: Record<string, (args: readonly string[], env: NodeJS.ProcessEnv) => Promise<void>> = {
  serve,
  init,
  backup,
  restore,
};

let name = 'serve';
try {
  const { args, env } = takeConfigFlag(process.argv.slice(2), process.env);
  if (args[0] && !args[0].startsWith('--')) name = args[0];
  const command = COMMANDS[name];
  if (!command) throw new Error(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
  await command(name === args[0] ? args.slice(1) : args, env);
} catch (err) {
  const what = name === 'serve' ? 'did not start' : `${name} failed`;
  console.error(`Grid Command hub ${what}: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
