/**
 * The console's wall calls: layouts (kept on the hub), monitors and full-screen wall windows (lent by Electron's main
 * process; the web host has none), and what the wall shows (`wall.cast`) for a wall display that opens later.
 */
import type { CallRequest, CallResponse, ConsolePushName, PushPayload } from '../common/contract.js';
import { WALL_DISPLAY_PATH, type WallCast, type WallDisplayInfo } from '../common/wall-schemas.js';
import type { HubClient } from './hub-client.js';

/** Monitors and full-screen wall windows: Electron's main process provides them; the web host has none. */
export interface WallDisplayHost {
  displays(): WallDisplayInfo[];
  openWall(displayId: number | null): void;
}

type WallCallName =
  | 'wall.layouts'
  | 'wall.saveLayout'
  | 'wall.deleteLayout'
  | 'wall.displays'
  | 'wall.openDisplay'
  | 'wall.cast'
  | 'wall.castState';
type WallHandlers = { [K in WallCallName]: (request: CallRequest<K>) => Promise<CallResponse<K>> };

export class WallCalls {
  /** What the console's wall shows, for a wall display that opens later; forgotten at sign-out. */
  private cast: WallCast | null = null;
  private displayHost: WallDisplayHost | null = null;

  constructor(
    private readonly client: () => HubClient,
    private readonly token: () => string,
    private readonly emit: <K extends ConsolePushName>(push: K, payload: PushPayload<K>) => void,
  ) {}

  setDisplayHost(host: WallDisplayHost | null): void {
    this.displayHost = host;
  }

  forget(): void {
    this.cast = null;
  }

  handlers(): WallHandlers {
    return {
      'wall.layouts': async () => (await this.client().call('wallLayouts', { token: this.token() })).items,
      'wall.saveLayout': async (layout) => this.client().call('wallLayoutSave', { token: this.token(), body: layout }),
      'wall.deleteLayout': async ({ id }) =>
        this.client().call('wallLayoutDelete', { token: this.token(), params: { id } }),
      'wall.displays': async () => (this.token() && this.displayHost?.displays()) || [],
      'wall.openDisplay': async ({ displayId }) => {
        this.token();
        this.displayHost?.openWall(displayId ?? null);
        return { opened: this.displayHost !== null, path: WALL_DISPLAY_PATH };
      },
      'wall.cast': async (cast) => {
        this.token();
        this.cast = cast as WallCast;
        this.emit('wall.cast', this.cast);
        return { ok: true as const };
      },
      'wall.castState': async () => (this.token() ? this.cast : null),
    };
  }
}
