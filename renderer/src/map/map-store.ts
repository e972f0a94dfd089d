/**
 * The map's state for the session: the period and its events (fetched once per period, as binary), the scope's
 * outlines and cameras (fetched once), and the GPU-side filters. Only `setPeriod`/`load` call `map.events`; every
 * other action changes what the GPU shows of data already uploaded. `fetches` counts the calls — the end-to-end
 * test reads it to prove a filter change does not fetch again.
 */
import { create } from 'zustand';
import type { MapBoundary } from '../../../common/map-schemas.js';
import type { Camera } from '../../../common/schemas.js';
import { call } from '../bridge/index.js';
import { eventDataFromBytes, type EventData } from './event-attributes.js';
import { NO_FILTER, type MapFilter } from './event-filter.js';
import { periodOf, type Period } from './map-period.js';
import { ZOOM } from './view-fit.js';

export type LoadStatus = 'idle' | 'loading' | 'ready' | 'failed';

export interface Playback {
  readonly playing: boolean;
  /** Length of the moving window, days. */
  readonly windowDays: number;
}

interface MapState {
  userId: string | null;
  period: Period;
  status: LoadStatus;
  error: unknown;
  data: EventData | null;
  fetches: number;
  /** Milliseconds from asking to decoded typed arrays, for the status line and the bench. */
  loadMs: number | null;
  boundaries: MapBoundary[] | null;
  cameras: Camera[] | null;
  staticError: unknown;
  filter: MapFilter;
  playback: Playback;
  showCameras: boolean;
  camera: Camera | null;
  ensureUser(userId: string): void;
  setPeriod(period: Period): void;
  load(): Promise<void>;
  loadStatic(): Promise<void>;
  setFilter(patch: Partial<Omit<MapFilter, 'window'>>): void;
  clearFilters(): void;
  setWindow(window: readonly [number, number] | null): void;
  setPlayback(patch: Partial<Playback>): void;
  /** One day on: the window moves forward, and playback stops at the end of the period. */
  step(): void;
  setShowCameras(show: boolean): void;
  openCamera(camera: Camera | null): void;
  /** Where the canvas should fly next (a located camera); the canvas takes it and clears it. */
  flyTo: { longitude: number; latitude: number; zoom: number } | null;
  /** Fly to a camera found by name or code, close enough to see its icon, and open its player. */
  locateCamera(camera: Camera): void;
  takeFlyTo(): void;
  /** A camera is being dragged from the map: the wall's tiles show as drop targets meanwhile. */
  dragging: boolean;
  setDragging(dragging: boolean): void;
}

let loadSequence = 0;

const fresh = () => ({
  // The last 30 days, not all history: 84,000 events of nine years saturate the county seat and fade the rest.
  period: periodOf('last30', Date.now()),
  status: 'idle' as LoadStatus,
  error: null as unknown,
  data: null as EventData | null,
  loadMs: null as number | null,
  boundaries: null as MapBoundary[] | null,
  cameras: null as Camera[] | null,
  staticError: null as unknown,
  filter: NO_FILTER,
  playback: { playing: false, windowDays: 7 },
  showCameras: true,
  camera: null as Camera | null,
  flyTo: null as MapState['flyTo'],
  dragging: false,
});

export const useMapStore = create<MapState>()((set, get) => ({
  userId: null,
  fetches: 0,
  ...fresh(),

  ensureUser(userId) {
    // Another user's events or outlines must never show, not even for a frame.
    if (get().userId !== userId) {
      loadSequence += 1;
      set({ userId, ...fresh() });
    }
  },

  setPeriod(period) {
    if (period.from === get().period.from && period.to === get().period.to) return;
    set({ period, filter: { ...get().filter, window: null }, playback: { ...get().playback, playing: false } });
    void get().load();
  },

  async load() {
    const sequence = ++loadSequence;
    const { from, to } = get().period;
    const started = performance.now();
    set({ status: 'loading', error: null, fetches: get().fetches + 1 });
    try {
      const bytes = await call('map.events', { from, to });
      if (sequence !== loadSequence) return;
      const data = eventDataFromBytes(bytes);
      set({ status: 'ready', data, loadMs: performance.now() - started });
    } catch (error) {
      if (sequence !== loadSequence) return;
      set({ status: 'failed', error });
    }
  },

  async loadStatic() {
    const userId = get().userId;
    try {
      const [boundaries, cameras] = await Promise.all([
        call('map.boundaries', {}),
        call('cameras.list', {}).catch(() => [] as Camera[]), // a role without cameras still gets its map
      ]);
      if (get().userId === userId) set({ boundaries, cameras, staticError: null });
    } catch (error) {
      if (get().userId === userId) set({ staticError: error });
    }
  },

  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
  },

  clearFilters() {
    set({ filter: NO_FILTER, playback: { ...get().playback, playing: false } });
  },

  setWindow(window) {
    set({ filter: { ...get().filter, window } });
  },

  setPlayback(patch) {
    const playback = { ...get().playback, ...patch };
    const { data, filter } = get();
    // Starting to play: from the current window's start, or from the period's first day.
    if (patch.playing && !get().playback.playing && data) {
      const start = filter.window && filter.window[1] < data.periodDays ? filter.window[0] : 0;
      set({ playback, filter: { ...filter, window: [start, start + playback.windowDays] } });
      return;
    }
    if (patch.windowDays !== undefined && filter.window) {
      set({ playback, filter: { ...filter, window: [filter.window[0], filter.window[0] + patch.windowDays] } });
      return;
    }
    set({ playback });
  },

  step() {
    const { data, filter, playback } = get();
    if (!data) return;
    const start = (filter.window?.[0] ?? -1) + 1;
    if (start >= data.periodDays) {
      set({ playback: { ...playback, playing: false } });
      return;
    }
    set({ filter: { ...filter, window: [start, start + playback.windowDays] } });
  },

  setShowCameras(showCameras) {
    set({ showCameras });
  },

  openCamera(camera) {
    set({ camera });
  },

  locateCamera(camera) {
    // One step inside the zoom where camera icons appear, so the located camera is seen among its neighbours.
    set({
      camera,
      showCameras: true,
      flyTo: { longitude: camera.position[0], latitude: camera.position[1], zoom: ZOOM.cameras + 1 },
    });
  },

  takeFlyTo() {
    set({ flyTo: null });
  },

  setDragging(dragging) {
    set({ dragging });
  },
}));
