/**
 * `npm run web`: hub (embedded demo county unless GRID_HUB_URL is set) + console service + the built renderer on
 * 127.0.0.1, to open in a browser.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { connectOrEmbedHub } from '../embedded-hub.js';
import { consoleStorePath } from '../local-store/store-path.js';
import { startWebHost } from './server.js';

const rendererDir = fileURLToPath(new URL('../../out/renderer', import.meta.url));
if (!existsSync(`${rendererDir}/index.html`)) {
  console.error('The renderer is not built: run `npm run build:renderer` (npm run web does it for you).');
  process.exit(1);
}

/** A positive whole number from the environment, or the default when unset; anything else stops the start. */
function positiveInteger(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return undefined;
  const value = Number(raw);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive whole number: ${raw}`);
  return value;
}

/** A comma-separated list from the environment (empty when unset). */
function listFromEnv(name: string): string[] {
  return (process.env[name] ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);
}

const started = Date.now();
try {
  const link = await connectOrEmbedHub(process.env, { dataDir: '.grid-data' });
  const port = process.env.GRID_WEB_PORT === undefined ? 5180 : Number(process.env.GRID_WEB_PORT);
  const web = await startWebHost({
    hubUrl: link.hubUrl,
    rendererDir,
    port,
    mbtilesPath: process.env.GRID_MBTILES,
    idleTimeoutMs: (positiveInteger('GRID_WEB_IDLE_MINUTES') ?? 30) * 60_000,
    maxSessions: positiveInteger('GRID_WEB_MAX_SESSIONS'),
    hostnames: listFromEnv('GRID_WEB_HOSTNAMES'),
    mediaUrls: listFromEnv('GRID_MEDIA_URLS'),
    storePath: consoleStorePath(process.env.GRID_DATA_DIR ?? '.grid-data', link.embedded ? null : link.hubUrl),
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
