/**
 * The wall's running parts, mounted with the wall view: the tour clock, serious-case proposals on the alert tile,
 * and the cast to wall displays.
 */
import { useEffect } from 'react';
import type { CaseView } from '../../../common/case-api.js';
import type { WallCast } from '../../../common/wall-schemas.js';
import { call, subscribe } from '../bridge/index.js';
import { useCameraStore } from './camera-store.js';
import { effectiveCameraIds, useWallStore } from './wall-store.js';

/** Cameras proposed for a serious case, and how far they may be. */
export const PROPOSED_CAMERAS = 4;
export const PROPOSAL_RADIUS_M = 5000;

export function useTourTicker(): void {
  useEffect(() => {
    const timer = setInterval(() => useWallStore.getState().tick(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
}

/** The nearest cameras of the viewer's own scope to a case, nearest first (the spatial index, not a scan). */
export function nearestCameras(view: Pick<CaseView, 'location'>, k: number, maxMeters = Infinity) {
  const index = useCameraStore.getState().index;
  return index ? index.nearest([view.location.lon, view.location.lat], k, maxMeters) : [];
}

/**
 * A new serious case (reported, not yet filed) proposes its nearest cameras on the alert tile: only that tile
 * changes, the rest of the wall keeps what the operator put there. Each case is proposed once.
 */
export function useSeriousProposals(): void {
  useEffect(() => {
    const proposed = new Set<string>();
    return subscribe('case.changed', ({ case: view }) => {
      if (view.grade !== 'serious' || view.status !== 'reported' || proposed.has(view.id)) return;
      proposed.add(view.id);
      const near = nearestCameras(view, PROPOSED_CAMERAS, PROPOSAL_RADIUS_M);
      if (near.length === 0) return;
      console.info(`wall: serious case ${view.caseNo} proposes ${near.length} nearby cameras`);
      useWallStore.getState().propose({
        caseId: view.id,
        caseNo: view.caseNo,
        description: view.description.slice(0, 80),
        cameraIds: near.map((n) => n.item.id),
        meters: near.map((n) => n.meters),
      });
    });
  }, []);
}

const CAST_DEBOUNCE_MS = 150;

/** The wall as displays show it: layout, each tile's camera now (tours applied), the maximised tile. */
export function currentCast(): WallCast {
  const state = useWallStore.getState();
  return {
    kind: state.kind,
    cameraIds: effectiveCameraIds(state),
    maximized: state.maximized,
    at: new Date().toISOString(),
  };
}

/**
 * While `enabled` (a wall display was opened from this console), every change of what the wall shows is cast to
 * the console service, which pushes it to the displays. Casting is cheap and only sends when the picture changes.
 */
export function useWallCast(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let last = '';
    const send = () => {
      const cast = currentCast();
      const key = JSON.stringify({ ...cast, at: '' });
      if (key === last) return;
      last = key;
      void call('wall.cast', cast).catch(() => undefined);
    };
    send();
    const off = useWallStore.subscribe(() => {
      clearTimeout(timer);
      timer = setTimeout(send, CAST_DEBOUNCE_MS);
    });
    return () => {
      off();
      clearTimeout(timer);
    };
  }, [enabled]);
}
