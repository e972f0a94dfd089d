/**
 * Which tiles play back a recording instead of live video, and the shared time cursor of synced tiles (同步): the
 * focused synced tile publishes where it is; the other synced tiles follow (playback-timeline.ts syncTarget). Kept
 * apart from wall-store.ts: playback is a passing investigation, not part of a saved layout.
 */
import { create } from 'zustand';
import type { TimeWindow } from './playback-timeline.js';

export interface TilePlayback {
  readonly cameraId: string;
  /** The timeline's window; the playback ticket covers it. */
  readonly window: TimeWindow;
  /** Where to start (a case's report time, a click on the bar). */
  readonly startMs: number;
  /** The case being investigated: cited on the ticket, and the default case of an export. */
  readonly caseId?: string;
  readonly speed: number;
  readonly synced: boolean;
}

export interface SyncCursor {
  readonly by: number;
  readonly ms: number;
  readonly publishedAt: number;
  readonly speed: number;
  readonly paused: boolean;
}

interface PlaybackState {
  readonly tiles: Readonly<Record<number, TilePlayback>>;
  readonly cursor: SyncCursor | null;
  open(index: number, playback: Omit<TilePlayback, 'speed' | 'synced'> & { synced?: boolean }): void;
  close(index: number): void;
  /** Where to play from (a marker, a renewed ticket resuming where the last one stopped). */
  setStart(index: number, startMs: number): void;
  setSpeed(index: number, speed: number): void;
  setSynced(index: number, synced: boolean): void;
  publish(cursor: SyncCursor): void;
}

export const usePlaybackStore = create<PlaybackState>()((set) => ({
  tiles: {},
  cursor: null,
  open: (index, playback) => set((s) => ({ tiles: { ...s.tiles, [index]: { speed: 1, synced: false, ...playback } } })),
  close: (index) =>
    set((s) => {
      const tiles = { ...s.tiles };
      delete tiles[index];
      return { tiles, cursor: s.cursor?.by === index ? null : s.cursor };
    }),
  setStart: (index, startMs) =>
    set((s) => {
      const tile = s.tiles[index];
      return tile ? { tiles: { ...s.tiles, [index]: { ...tile, startMs } } } : s;
    }),
  setSpeed: (index, speed) =>
    set((s) => {
      const tile = s.tiles[index];
      if (!tile) return s;
      // Synced tiles share the speed too: they show one incident at one pace.
      const tiles = Object.fromEntries(
        Object.entries(s.tiles).map(([i, t]) => [
          i,
          Number(i) === index || (tile.synced && t.synced) ? { ...t, speed } : t,
        ]),
      );
      return { tiles };
    }),
  setSynced: (index, synced) =>
    set((s) => {
      const tile = s.tiles[index];
      return tile ? { tiles: { ...s.tiles, [index]: { ...tile, synced } } } : s;
    }),
  publish: (cursor) => set({ cursor }),
}));
