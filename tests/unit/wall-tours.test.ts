/** Tours turn after their dwell time, pause on interaction, skip cameras no longer permitted, and page the wall. */
import { describe, expect, it } from 'vitest';
import {
  advancePageTour,
  advanceTour,
  pagesOf,
  secondsToNext,
  startPageTour,
  startTour,
  tourCamera,
  tourPage,
} from '../../renderer/src/wall/tours.js';

describe('tours', () => {
  const t0 = 1_000_000;
  const tour = { cameraIds: ['a', 'b', 'c'], dwellSeconds: 10 };

  it('turn after the dwell time and wrap around', () => {
    let run = startTour(tour, t0);
    expect(tourCamera(run)).toBe('a');
    expect(advanceTour(run, t0 + 9_999, 0)).toBe(run); // unchanged: same object
    run = advanceTour(run, t0 + 10_000, 0);
    expect(tourCamera(run)).toBe('b');
    run = advanceTour(advanceTour(run, t0 + 20_000, 0), t0 + 30_000, 0);
    expect(tourCamera(run)).toBe('a');
  });

  it('pause while the operator interacts, giving the camera on screen until the pause ends', () => {
    const run = startTour(tour, t0);
    const paused = advanceTour(run, t0 + 10_000, t0 + 40_000);
    expect(tourCamera(paused)).toBe('a');
    expect(paused.nextAt).toBe(t0 + 40_000);
    expect(secondsToNext(paused, t0 + 10_000, t0 + 40_000)).toBeNull();
    expect(tourCamera(advanceTour(paused, t0 + 40_000, t0 + 40_000))).toBe('b');
  });

  it('skip cameras no longer permitted', () => {
    const usable = (id: string) => id !== 'b';
    const run = startTour(tour, t0, usable);
    expect(tourCamera(advanceTour(run, t0 + 10_000, 0, usable))).toBe('c');
    expect(tourCamera(startTour({ cameraIds: ['b', 'c'], dwellSeconds: 10 }, t0, usable))).toBe('c');
  });

  it('page the whole wall', () => {
    const pages = pagesOf(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'], 4);
    expect(pages).toEqual([['a', 'b', 'c', 'd'], ['e', 'f', 'g', 'h'], ['i']]);
    let run = startPageTour({ pages, dwellSeconds: 20 }, t0);
    expect(tourPage(run, 4)).toEqual(['a', 'b', 'c', 'd']);
    run = advancePageTour(advancePageTour(run, t0 + 20_000, 0), t0 + 40_000, 0);
    expect(tourPage(run, 4)).toEqual(['i', null, null, null]);
    expect(tourPage(advancePageTour(run, t0 + 60_000, 0), 4)[0]).toBe('a');
  });
});
