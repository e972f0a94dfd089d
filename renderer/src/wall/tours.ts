/**
 * Tours: a list of cameras shown in turn, each for its dwell time, on one tile or as whole-wall pages. Interaction
 * pauses a tour (the operator is looking at something): while paused it does not turn, and the camera on screen
 * gets at least until the pause ends. Cameras the viewer may no longer view are skipped. Pure; the wall store
 * ticks it once a second. Tested in tests/unit/wall-tours.test.ts.
 */
import type { WallPageTour, WallTour } from '../../../common/wall-schemas.js';

export interface TourRun {
  readonly cameraIds: readonly string[];
  readonly dwellSeconds: number;
  readonly index: number;
  /** When the tour turns next (ms since the epoch). */
  readonly nextAt: number;
}

export interface PageTourRun {
  readonly pages: ReadonlyArray<ReadonlyArray<string | null>>;
  readonly dwellSeconds: number;
  readonly index: number;
  readonly nextAt: number;
}

/** How long an interaction pauses the tours. */
export const TOUR_PAUSE_MS = 30_000;

export function startTour(tour: WallTour, now: number, usable: (id: string) => boolean = () => true): TourRun {
  const first = tour.cameraIds.findIndex(usable);
  return { ...tour, index: Math.max(0, first), nextAt: now + tour.dwellSeconds * 1000 };
}

export function startPageTour(tour: WallPageTour, now: number): PageTourRun {
  return { ...tour, index: 0, nextAt: now + tour.dwellSeconds * 1000 };
}

/** The tour as it stands at `now` (the same object when nothing changed, so stores can skip a render). */
export function advanceTour(
  run: TourRun,
  now: number,
  pausedUntil: number,
  usable: (id: string) => boolean = () => true,
): TourRun {
  if (now < pausedUntil) return run.nextAt < pausedUntil ? { ...run, nextAt: pausedUntil } : run;
  if (now < run.nextAt || run.cameraIds.length < 2) return run;
  const n = run.cameraIds.length;
  let index = run.index;
  for (let step = 1; step <= n; step++) {
    const candidate = (run.index + step) % n;
    if (usable(run.cameraIds[candidate]!)) {
      index = candidate;
      break;
    }
  }
  return { ...run, index, nextAt: now + run.dwellSeconds * 1000 };
}

export function advancePageTour(run: PageTourRun, now: number, pausedUntil: number): PageTourRun {
  if (now < pausedUntil) return run.nextAt < pausedUntil ? { ...run, nextAt: pausedUntil } : run;
  if (now < run.nextAt || run.pages.length < 2) return run;
  return { ...run, index: (run.index + 1) % run.pages.length, nextAt: now + run.dwellSeconds * 1000 };
}

export function tourCamera(run: TourRun): string | null {
  return run.cameraIds[run.index] ?? null;
}

/** The page a whole-wall tour shows, padded or cut to the wall's tiles. */
export function tourPage(run: PageTourRun, cells: number): Array<string | null> {
  const page = run.pages[run.index] ?? [];
  return Array.from({ length: cells }, (_, i) => page[i] ?? null);
}

/** Cuts a camera list into wall pages of `cells` tiles. */
export function pagesOf(cameraIds: readonly string[], cells: number): string[][] {
  const pages: string[][] = [];
  for (let i = 0; i < cameraIds.length; i += cells) pages.push(cameraIds.slice(i, i + cells));
  return pages;
}

/** Seconds until the tour turns (for the tile's "next in" hint), or null while paused. */
export function secondsToNext(run: { nextAt: number }, now: number, pausedUntil: number): number | null {
  if (now < pausedUntil) return null;
  return Math.max(0, Math.ceil((run.nextAt - now) / 1000));
}
