/**
 * `npm run web`: hub (embedded demo county unless GRID_HUB_URL is set) + console service + the built renderer on
 * 127.0.0.1, to open in a browser.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { takeConfigFlag, withConfigFile } from '../../hub/config.js';
import { connectOrEmbedHub } from '../embedded-hub.js';
import { consoleStorePath } from '../local-store/store-path.js';
import { startWebHost } from './server.js';

const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
if (!existsSync(`${rendererDir}/index.html`)) {
  console.error('The renderer is not built: run `npm run build:renderer` (npm run web does it for you).');
  process.exit(1);
}

/** A positive whole number from the environment, or the default when unset; anything else stops the start. */
function positiveInteger(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number: ${raw}`);
  return value;
}

/** A comma-separated list from the environment (empty when unset). */
function listFromEnv(env: NodeJS.ProcessEnv, name: string): string[] {
  return (env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

const started = Date.now();
try {
  // grid-hub.json (--config or GRID_CONFIG) fills in the GRID_* variables that are not set (hub/config-file.ts).
  const env = withConfigFile(takeConfigFlag(process.argv.slice(2), process.env).env);
  const link = await connectOrEmbedHub(env, { dataDir: '.grid-data' });
  const port = env.GRID_WEB_PORT === undefined ? 5180 : Number(env.GRID_WEB_PORT);
  const web = await startWebHost({
    hubUrl: link.hubUrl,
    rendererDir,
    port,
    mbtilesPath: env.GRID_MBTILES,
    idleTimeoutMs: (positiveInteger(env, 'GRID_WEB_IDLE_MINUTES') ?? 30) * 60_000,
    maxSessions: positiveInteger(env, 'GRID_WEB_MAX_SESSIONS'),
    hostnames: listFromEnv(env, 'GRID_WEB_HOSTNAMES'),
    mediaUrls: listFromEnv(env, 'GRID_MEDIA_URLS'),
    storePath: consoleStorePath(env.GRID_DATA_DIR ?? '.grid-data', link.embedded ? null : link.hubUrl),
  });
  console.log(
    `Grid Command web console: ${web.url}  (hub ${link.hubUrl}${link.dbPath ? `, data ${link.dbPath}` : ''}; ready in ${Date.now() - started} ms)`,
  );
  const stop = () =>
    void web
      .close()
      .then(() => link.embedded?.close())
      .then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (err) {
  console.error(`Grid Command web console did not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
}
