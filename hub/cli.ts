/**
 * `npm run hub`: the county hub alone, headless, for a county server. Demo mode (X County, published passwords) is
 * on unless GRID_DEMO=0. Logs go to stdout and `<data dir>/logs/` (GRID_LOG_LEVEL, GRID_LOG_DIR; see README, "Logs").
 *
 * Subcommands (process.argv[2]): `init` creates the first administrator (hub/auth/first-admin-cli.ts).
 */
import { runInitCommand } from './auth/first-admin-cli.js';
import { hubConfigFromEnv } from './config.js';
import { createHub } from './server.js';

const config = hubConfigFromEnv(process.env, { dataDir: '.grid-data', port: 7300 });
const command = process.argv[2];
if (command === 'init') process.exit(await runInitCommand(process.argv.slice(3), config.dbPath));
const started = Date.now();
const hub = await createHub({
  ...config,
  log: config.log,
  simulate: config.demo && process.env.GRID_SIMULATE !== '0',
  simulateOutages: process.env.GRID_SIMULATE_OUTAGES !== '0',
}).catch((err: unknown) => {
  console.error(`Grid Command hub did not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
console.log(
  `Grid Command hub listening on ${hub.url} (data: ${config.dbPath}${config.demo ? ', DEMO MODE' : ''}; ready in ${Date.now() - started} ms)`,
);

const stop = () => void hub.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
