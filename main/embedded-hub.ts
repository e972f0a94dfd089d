/**
 * Where a console is not pointed at a county hub (GRID_HUB_URL unset) it runs one in-process: the demo county in
 * its own data folder. Shared by the Electron main process and the web host.
 */
import { hubConfigFromEnv } from '../hub/config.js';
import { createHub, type Hub } from '../hub/server.js';

export interface HubLink {
  readonly hubUrl: string;
  /** The in-process hub, when there is one. */
  readonly embedded: Hub | null;
  readonly dbPath: string | null;
}

export async function connectOrEmbedHub(
  env: NodeJS.ProcessEnv,
  defaults: { dataDir: string; nativeBinding?: string },
): Promise<HubLink> {
  if (env.GRID_HUB_URL) {
    const url = new URL(env.GRID_HUB_URL);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('GRID_HUB_URL must be http(s)');
    return { hubUrl: url.origin, embedded: null, dbPath: null };
  }
  const config = hubConfigFromEnv(env, { dataDir: defaults.dataDir, port: 0 });
  // A console's own hub is a demo or a stand-in: scheduled backups are for a county's hub service (`npm run hub`).
  const hub = await createHub({ ...config, backup: undefined, nativeBinding: defaults.nativeBinding, log: config.log });
  return { hubUrl: hub.url, embedded: hub, dbPath: config.dbPath };
}
