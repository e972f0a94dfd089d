/**
 * Put-many never overwrites the operator's work silently (issue 17 §5): free tiles first, a touring tile never,
 * occupied tiles only when asked for, and one undo puts tiles and the whole-wall tour back.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import {
  planPlacement,
  placementNeedsAsking,
  useWallStore,
  effectiveCameraIds,
} from '../../renderer/src/wall/wall-store.js';

const store = () => useWallStore.getState();

beforeEach(() => {
  useWallStore.setState({ userId: null });
  store().ensureUser('u1');
  store().setKind('9'); // 9 tiles, the alert tile is the last one (index 8)
});

describe('put-many', () => {
  it('fills free tiles without asking, skipping the alert tile and cameras already shown', () => {
    store().assign(0, 'cam-a');
    const plan = planPlacement(store(), ['cam-a', 'cam-b', 'cam-c']);
    expect(plan.cameraIds).toEqual(['cam-b', 'cam-c']);
    expect(plan.free).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(placementNeedsAsking(plan)).toBe(false);
    expect(store().place(['cam-a', 'cam-b', 'cam-c'])).toBe(2);
    expect(effectiveCameraIds(store()).slice(0, 3)).toEqual(['cam-a', 'cam-b', 'cam-c']);
    expect(effectiveCameraIds(store())[8]).toBeNull();
  });

  it('accepting a proposal puts up every proposed camera, the one the alert tile is showing too', () => {
    store().propose({
      caseId: 'c1',
      caseNo: '20261204-000001',
      description: '',
      cameraIds: ['p1', 'p2', 'p3'],
      meters: [10, 20, 30],
    });
    expect(effectiveCameraIds(store())[8]).toBe('p1'); // the alert tile shows the first proposed camera
    expect(store().place(['p1', 'p2', 'p3'])).toBe(3);
    store().dismissProposal();
    const shown = effectiveCameraIds(store());
    expect(shown.slice(0, 3)).toEqual(['p1', 'p2', 'p3']);
    expect(shown[8]).toBeNull();
  });

  it('asks before replacing occupied tiles and never replaces a touring tile', () => {
    for (let i = 0; i < 8; i++) store().assign(i, `own-${i}`);
    store().setTileTour(2, { cameraIds: ['t1', 't2'], dwellSeconds: 30 });
    const asked = ['n1', 'n2', 'n3'];
    const plan = planPlacement(store(), asked);
    expect(plan.free).toEqual([]);
    expect(plan.tours).toEqual([2]);
    expect(plan.occupied).not.toContain(2);
    expect(placementNeedsAsking(plan)).toBe(true);
    // "Free tiles only" puts nothing up here.
    expect(store().place(asked, 'free')).toBe(0);
    expect(store().undo).toBeNull();
    // Replacing goes from the focused tile on, around the tour.
    store().focus(1);
    expect(store().place(asked, 'replace')).toBe(3);
    const shown = effectiveCameraIds(store());
    expect(shown[1]).toBe('n1');
    expect(store().tiles[2]!.tour?.cameraIds).toEqual(['t1', 't2']);
    expect(shown[3]).toBe('n2');
    expect(shown[4]).toBe('n3');
  });

  it('one undo restores the tiles and the whole-wall tour', () => {
    store().assign(0, 'own-0');
    store().setTileTour(1, { cameraIds: ['t1', 't2'], dwellSeconds: 30 });
    store().setPageTour(['p1', 'p2', 'p3'], 20);
    const before = store().tiles;
    const plan = planPlacement(store(), ['n1']);
    expect(plan.pageTour).toBe(true);
    expect(placementNeedsAsking(plan)).toBe(true);
    expect(store().place(['n1'], 'replace')).toBe(1);
    expect(store().pageTour).toBeNull();
    expect(store().undoPlace()).toBe(true);
    expect(store().pageTour?.pages).toEqual([['p1', 'p2', 'p3']]);
    expect(store().tiles.map((t) => t.cameraId)).toEqual(before.map((t) => t.cameraId));
    expect(store().tiles[1]!.tour?.cameraIds).toEqual(['t1', 't2']);
    // One step only.
    expect(store().undoPlace()).toBe(false);
  });

  it('work done on the wall after a put-many is never taken back by a stale undo', () => {
    store().place(['n1', 'n2']);
    expect(store().undo).not.toBeNull();
    store().assign(5, 'by-hand');
    expect(store().undo).toBeNull();
  });
});
