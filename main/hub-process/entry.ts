/**
 * The embedded hub's own process: what Electron's `utilityProcess.fork` runs (built to out/main/hub-process.js), so
 * seeding, importing and encoding never stall the windows. It starts the hub through hub/server.ts as `npm run hub`
 * does, reports each start-up step, then `ready` with its URL, and closes cleanly when main says `stop`.
 *
 * Settings come from the environment main passes (GRID_DATA_DIR, GRID_HUB_PORT on a restart so the URL stays,
 * GRID_SQLITE_BINDING for the Electron-ABI better-sqlite3). Plain Node: the same module runs under
 * `child_process.fork`, which is how the tests drive it.
 */
import { hubConfigFromEnv } from '../../hub/config.js';
import { createHub, type Hub, type HubStartProgress } from '../../hub/server.js';
import { parseMainToHubMessage, type HubProcessMessage } from './protocol.js';

interface ParentChannel {
  post(message: HubProcessMessage): void;
  onMessage(listener: (message: unknown) => void): void;
}

/** Electron's utility process has `process.parentPort`; Node's fork has `process.send`. */
function parentChannel(): ParentChannel {
  const port = (process as { parentPort?: Electron.ParentPort }).parentPort;
  if (port) {
    return { post: (m) => port.postMessage(m), onMessage: (listener) => port.on('message', (e) => listener(e.data)) };
  }
  const send = process.send?.bind(process);
  if (send) return { post: (m) => void send(m), onMessage: (listener) => process.on('message', listener) };
  throw new Error('the hub process is started by the console (utilityProcess.fork), not on its own');
}

const parent = parentChannel();
const progress = (p: HubStartProgress) => parent.post({ type: 'progress', ...p });
let logPath: string | null = null;
let hub: Hub | null = null;
let stopping = false;

async function stop(code: number): Promise<never> {
  stopping = true;
  await hub?.close().catch(() => undefined);
  process.exit(code);
}

function fatal(err: unknown): void {
  const message = err instanceof Error ? err.message : String(err);
  // stderr too: a fatal before the log file exists still leaves its reason in the app's output.
  console.error(`Grid Command hub process: ${message}`);
  parent.post({ type: 'fatal', message, logPath });
  void stop(1);
}

parent.onMessage((raw) => {
  if (parseMainToHubMessage(raw)?.type === 'stop') void stop(0);
});
process.once('SIGTERM', () => void stop(0));
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);

try {
  const config = hubConfigFromEnv(process.env, { dataDir: '.grid-data', port: 0 });
  logPath = config.log.dir ? `${config.log.dir}/current.log` : null;
  const simulate = config.demo && process.env.GRID_SIMULATE !== '0';
  hub = await createHub({
    ...config,
    nativeBinding: process.env.GRID_SQLITE_BINDING || undefined,
    simulate,
    simulateOutages: process.env.GRID_SIMULATE_OUTAGES !== '0',
    onProgress: progress,
  });
  if (simulate) {
    // First start encodes the demo clips (about a minute, once; cached after): the start-up screen shows them
    // before the login, so the first wall plays. A failed encode is logged by the hub and retried on first demand.
    const { clips } = hub.context.video.gateway;
    const total = clips.spec.count;
    let done = 0;
    progress({ step: 'clips', done, total });
    await Promise.all(
      Array.from({ length: total }, (_, k) =>
        clips.ready(k).then(
          () => progress({ step: 'clips', done: ++done, total }),
          () => undefined,
        ),
      ),
    );
  }
  if (!stopping) parent.post({ type: 'ready', url: hub.url, logPath });
} catch (err) {
  fatal(err);
}
