/**
 * The viewer's cameras (`cameras.list`: the hub cuts it to the viewer's scope), kept live by `camera.status` pushes,
 * with an id lookup and the spatial index for "nearest cameras". Loaded once per signed-in user; the push
 * subscription lives only while some wall component is mounted (`useCameraFeed`).
 */
import { useEffect } from 'react';
import { create } from 'zustand';
import type { Camera } from '../../../common/schemas.js';
import { call, subscribe } from '../bridge/index.js';
import { GridBucketIndex } from './spatial-index.js';

interface CameraState {
  userId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'failed';
  error: unknown;
  cameras: Camera[];
  byId: ReadonlyMap<string, Camera>;
  index: GridBucketIndex<Camera> | null;
  /**
   * Cameras outside the viewer's scope lent to its unit (借调, live grants only): in `byId` so a tile can play them,
   * never in `cameras` (the scoped tree and the nearest-camera index).
   */
  lent: Camera[];
  ensureLoaded(userId: string): Promise<void>;
  reload(): Promise<void>;
  /** The live loans again (the camera tree asks now and then; a loan may start or end at any time). */
  reloadLent(): Promise<void>;
  setOnline(cameraId: string, online: boolean): void;
}

let loads = 0;

export const useCameraStore = create<CameraState>()((set, get) => ({
  userId: null,
  status: 'idle',
  error: null,
  cameras: [],
  byId: new Map(),
  index: null,
  lent: [],

  async ensureLoaded(userId) {
    if (get().userId === userId && get().status !== 'idle' && get().status !== 'failed') return;
    // Another user's cameras must never show, not even for a moment.
    set({ userId, status: 'idle', cameras: [], byId: new Map(), index: null, error: null, lent: [] });
    await get().reload();
    await get().reloadLent();
  },

  async reload() {
    const load = ++loads;
    set({ status: 'loading', error: null });
    try {
      const cameras = await call('cameras.list', {});
      if (load !== loads) return;
      set({
        status: 'ready',
        cameras,
        byId: new Map([...get().lent, ...cameras].map((c) => [c.id, c])),
        index: new GridBucketIndex(cameras),
      });
    } catch (error) {
      if (load !== loads) return;
      set({ status: 'failed', error });
    }
  },

  async reloadLent() {
    let lent: Camera[];
    try {
      const grants = await call('grants.list', {});
      const own = new Set(get().cameras.map((c) => c.id));
      // A lender's list holds its own cameras lent out; only what is outside this viewer's scope was lent to it.
      lent = grants.filter((g) => g.active && !own.has(g.camera.id)).map((g) => g.camera);
    } catch {
      lent = []; // a role without cameras, or the hub away: nothing on loan to show
    }
    const byId = new Map(get().cameras.map((c) => [c.id, c]));
    for (const camera of lent) byId.set(camera.id, camera);
    set({ lent, byId });
  },

  setOnline(cameraId, online) {
    const camera = get().byId.get(cameraId);
    if (!camera || camera.online === online) return;
    const next = { ...camera, online };
    const byId = new Map(get().byId);
    byId.set(cameraId, next);
    // The index holds positions only; positions do not change with status, so it is kept.
    set({ byId, cameras: get().cameras.map((c) => (c.id === cameraId ? next : c)) });
  },
}));

/** Listeners for a camera coming back online (a tile waiting on "offline" retries at once). */
const onlineListeners = new Set<(cameraId: string) => void>();

export function onCameraOnline(listener: (cameraId: string) => void): () => void {
  onlineListeners.add(listener);
  return () => void onlineListeners.delete(listener);
}

/** Loads the user's cameras and follows their status while the calling component is mounted. */
export function useCameraFeed(userId: string): void {
  useEffect(() => {
    if (!userId) return undefined; // a role that views no cameras (admin)
    void useCameraStore.getState().ensureLoaded(userId);
    return subscribe('camera.status', ({ cameraId, online }) => {
      useCameraStore.getState().setOnline(cameraId, online);
      if (online) onlineListeners.forEach((listener) => listener(cameraId));
    });
  }, [userId]);
}
