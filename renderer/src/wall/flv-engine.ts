/**
 * One tile's live FLV player (mpegts.js), the wall's live transport: the hub's FLV over a WebSocket fed to MSE. The
 * hub closes the socket when access ends (hub/media/flv-websocket.ts); the tile then asks a new ticket, whose refusal
 * says why. A token cannot be swapped into a running stream, so a renewed ticket rebuilds the player (the last frame
 * held as the poster; a new viewer starts at the hub's last keyframe, well under a second).
 */
import mpegts from 'mpegts.js';
import { wallFlvSettings } from './flv-config.js';

export interface FlvFailure {
  /** 0 for a refused, dropped or ended stream (a WebSocket shows no HTTP status), -1 for a media (decode) error. */
  readonly status: number;
  readonly message: string;
}

export function flvSupported(): boolean {
  return typeof window !== 'undefined' && mpegts.isSupported();
}

export class FlvEngine {
  private player: mpegts.Player | null;

  /** `chase`: follow the live edge closely (few tiles, or a maximised one); otherwise play steadily (flv-config.ts). */
  constructor(url: string, video: HTMLVideoElement, chase: boolean, onFailure: (failure: FlvFailure) => void) {
    const player = mpegts.createPlayer(
      { type: 'flv', isLive: true, url, hasAudio: false, hasVideo: true, cors: true },
      { ...wallFlvSettings(chase) },
    );
    this.player = player;
    let failed = false;
    const fail = (failure: FlvFailure) => {
      if (failed || this.player !== player) return;
      failed = true;
      onFailure(failure);
    };
    player.on(mpegts.Events.ERROR, (type: string, detail: string, info: { code?: number; msg?: string }) => {
      const status = type === mpegts.ErrorTypes.MEDIA_ERROR ? -1 : 0;
      fail({ status, message: `${type}/${detail} ${info?.msg ?? ''}` });
    });
    // A live socket that closes was cut by the hub (or the hub stopped): the tile asks again.
    player.on(mpegts.Events.LOADING_COMPLETE, () => fail({ status: 0, message: 'stream ended' }));
    player.attachMediaElement(video);
    player.load();
    void Promise.resolve(player.play()).catch(() => undefined);
  }

  /** Seconds of media buffered past the playhead: how far behind the hub's live edge the picture is. */
  latency(video: HTMLVideoElement): number | null {
    const { buffered } = video;
    if (buffered.length === 0) return null;
    const ahead = buffered.end(buffered.length - 1) - video.currentTime;
    return ahead >= 0 ? ahead : null;
  }

  /** Kilobits per second the response currently delivers. */
  bitrateKbps(): number | null {
    const speed = (this.player?.statisticsInfo as { speed?: number } | undefined)?.speed; // KB/s
    return typeof speed === 'number' && speed > 0 ? Math.round(speed * 8) : null;
  }

  stopLoad(): void {
    this.player?.unload();
  }

  destroy(): void {
    const player = this.player;
    this.player = null;
    if (!player) return;
    player.pause();
    player.unload();
    player.detachMediaElement();
    player.destroy();
  }
}
