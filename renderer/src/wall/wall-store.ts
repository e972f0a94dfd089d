/**
 * The wall as the operator arranges it: layout, what each tile holds (a camera or a tour), focus and the maximised
 * tile, a whole-wall tour, the alert tile with a serious case's proposal, and the per-tile reasons given for
 * sensitive cameras. Module-level, so it survives switching views (the players do not: they are rebuilt) and the
 * case drawer can put cameras on the wall; `ensureUser` forgets it all when another user signs in.
 */
import { create } from 'zustand';
import {
  type WallLayout,
  type WallLayoutInput,
  type WallLayoutKind,
  type WallTour,
} from '../../../common/wall-schemas.js';
import { cellCount, resizeCells } from './layouts.js';
import {
  advancePageTour,
  advanceTour,
  startPageTour,
  startTour,
  tourCamera,
  tourPage,
  TOUR_PAUSE_MS,
  type PageTourRun,
  type TourRun,
} from './tours.js';

export interface TileSpec {
  readonly cameraId: string | null;
  readonly tour: TourRun | null;
  /** Interaction with this tile pauses its tour until then. */
  readonly pausedUntil: number;
  /** Given for a sensitive camera (docs/video.md: reason_required). */
  readonly reason?: string;
  readonly caseId?: string;
}

export interface Proposal {
  readonly caseId: string;
  readonly caseNo: string;
  readonly description: string;
  readonly run: TourRun;
  readonly meters: readonly number[];
}

/** Where put-many would go (issue 17 §5): free tiles first; occupied ones only if the operator says so. */
export interface PlacementPlan {
  /** The cameras not on the wall yet, in the order asked. */
  readonly cameraIds: readonly string[];
  readonly free: readonly number[];
  /** Tiles showing a camera of their own that the rest would replace, from the focused tile on. */
  readonly occupied: readonly number[];
  /** Tiles running their own tour: never replaced by put-many. */
  readonly tours: readonly number[];
  /** A whole-wall tour runs: putting cameras up stops it. */
  readonly pageTour: boolean;
}

/** Asking is needed when something the operator set up would go: an occupied tile, or the whole-wall tour. */
export function placementNeedsAsking(plan: PlacementPlan): boolean {
  return plan.pageTour || (plan.cameraIds.length > plan.free.length && plan.occupied.length > 0);
}

/** What one put-many changed, to put back with one undo. */
interface PlacementUndo {
  readonly tiles: TileSpec[];
  readonly pageTour: PageTourRun | null;
  readonly focused: number;
  readonly proposal: Proposal | null;
}

interface WallState {
  userId: string | null;
  kind: WallLayoutKind;
  tiles: TileSpec[];
  focused: number;
  maximized: number | null;
  pageTour: PageTourRun | null;
  /** Interaction anywhere on the wall pauses the whole-wall tour until then. */
  pausedUntil: number;
  alertCell: number | null;
  proposal: Proposal | null;
  showStats: boolean;
  /** Cameras of the loaded layout the hub says this viewer may no longer view. */
  notPermitted: ReadonlySet<string>;
  layoutName: string | null;
  /** A wall display was opened from this console: cast what the wall shows. */
  casting: boolean;
  ensureUser(userId: string): void;
  setKind(kind: WallLayoutKind): void;
  assign(index: number, cameraId: string | null): void;
  /**
   * Puts cameras on free tiles first (never the alert tile, never a touring tile); with 'replace', the rest over
   * occupied tiles from the focused one on. Returns how many were placed; one undo puts the wall back.
   */
  place(cameraIds: readonly string[], mode?: 'free' | 'replace'): number;
  /** The previous wall, while the last put-many can still be undone. */
  undo: PlacementUndo | null;
  undoPlace(): boolean;
  focus(index: number): void;
  toggleMaximized(index?: number): void;
  setTileTour(index: number, tour: WallTour | null): void;
  setPageTour(cameraIds: readonly string[] | null, dwellSeconds?: number): void;
  setReason(index: number, reason: string, caseId?: string): void;
  setAlertCell(index: number): void;
  touch(index?: number): void;
  tick(now: number): void;
  propose(proposal: Omit<Proposal, 'run'> & { cameraIds: readonly string[] }): void;
  nextProposal(): void;
  dismissProposal(): void;
  applyLayout(layout: WallLayout): void;
  toggleStats(): void;
  setCasting(casting: boolean): void;
}

const emptyTile = (): TileSpec => ({ cameraId: null, tour: null, pausedUntil: 0 });
const PROPOSAL_DWELL_SECONDS = 8;

const initial = {
  userId: null as string | null,
  kind: '9' as WallLayoutKind,
  tiles: resizeCells<TileSpec>([], '9', emptyTile),
  focused: 0,
  maximized: null as number | null,
  pageTour: null as PageTourRun | null,
  pausedUntil: 0,
  alertCell: null as number | null,
  proposal: null as Proposal | null,
  showStats: false,
  notPermitted: new Set<string>() as ReadonlySet<string>,
  layoutName: null as string | null,
  casting: false,
  undo: null as PlacementUndo | null,
};

/** The alert tile: the one chosen, else the last tile of the layout. */
export function alertIndex(state: { kind: WallLayoutKind; alertCell: number | null }): number {
  const n = cellCount(state.kind);
  return state.alertCell !== null && state.alertCell < n ? state.alertCell : n - 1;
}

/**
 * Is a proposal on the alert tile now? Never on a one-tile wall, nor on a maximised alert tile: a proposal takes
 * one small tile, never the operator's whole view.
 */
export function proposalShown(state: Pick<WallState, 'kind' | 'alertCell' | 'maximized' | 'proposal'>): boolean {
  return state.proposal !== null && cellCount(state.kind) >= 4 && state.maximized !== alertIndex(state);
}

/** The camera each tile shows right now: a proposal on the alert tile, else the wall tour, else the tile's own. */
export function effectiveCameraIds(state: WallState): Array<string | null> {
  const n = cellCount(state.kind);
  const page = state.pageTour ? tourPage(state.pageTour, n) : null;
  const alert = alertIndex(state);
  const proposal = proposalShown(state) ? state.proposal : null;
  return state.tiles.slice(0, n).map((tile, i) => {
    if (proposal && i === alert) return tourCamera(proposal.run);
    if (page) return page[i] ?? null;
    return tile.tour ? tourCamera(tile.tour) : tile.cameraId;
  });
}

export function planPlacement(state: WallState, cameraIds: readonly string[]): PlacementPlan {
  const n = cellCount(state.kind);
  const alert = alertIndex(state);
  // "Already on the wall" means kept there: the camera a proposal shows on the alert tile is passing through, and
  // accepting the proposal must put it up too (it used to be skipped and vanished with the proposal — the alert
  // tile lost its camera's name and picture).
  const current = effectiveCameraIds({ ...state, proposal: null });
  const ids = [...new Set(cameraIds)].filter((id) => !current.includes(id));
  const cells = [...Array(n).keys()].filter((i) => i !== alert);
  const tile = (i: number) => state.tiles[i];
  const free = cells.filter((i) => tile(i)?.cameraId === null && !tile(i)?.tour);
  const tours = cells.filter((i) => Boolean(tile(i)?.tour));
  const occupied = [...Array(n).keys()]
    .map((k) => (state.focused + k) % n)
    .filter((i) => i !== alert && !free.includes(i) && !tours.includes(i));
  return { cameraIds: ids, free, occupied, tours, pageTour: state.pageTour !== null };
}

export const useWallStore = create<WallState>()((set, get) => {
  const updateTile = (index: number, patch: Partial<TileSpec>) =>
    set({ tiles: get().tiles.map((t, i) => (i === index ? { ...t, ...patch } : t)) });
  const usable = (id: string) => !get().notPermitted.has(id);

  return {
    ...initial,

    ensureUser(userId) {
      if (get().userId !== userId) set({ ...initial, tiles: resizeCells<TileSpec>([], '9', emptyTile), userId });
    },

    setKind(kind) {
      const n = cellCount(kind);
      set({
        kind,
        undo: null, // an undo is for the wall as put-many left it, not for another layout
        tiles: resizeCells(get().tiles, kind, emptyTile),
        focused: Math.min(get().focused, n - 1),
        maximized: null,
        alertCell: get().alertCell !== null && get().alertCell! < n ? get().alertCell : null,
      });
    },

    assign(index, cameraId) {
      if (index < 0 || index >= cellCount(get().kind)) return;
      updateTile(index, { cameraId, tour: null, reason: undefined, caseId: undefined });
      set({ undo: null }); // the operator has worked on the wall since: undoing would take that back silently
      // Put there by hand: let the hub decide afresh instead of the loaded layout's verdict.
      if (cameraId && get().notPermitted.has(cameraId)) {
        set({ notPermitted: new Set([...get().notPermitted].filter((id) => id !== cameraId)) });
      }
      get().touch(index);
    },

    place(cameraIds, mode = 'free') {
      const state = get();
      const plan = planPlacement(state, cameraIds);
      const targets = (mode === 'replace' ? [...plan.free, ...plan.occupied] : plan.free).slice(
        0,
        plan.cameraIds.length,
      );
      if (targets.length === 0) return 0;
      const undo: PlacementUndo = {
        tiles: state.tiles,
        pageTour: state.pageTour,
        focused: state.focused,
        proposal: state.proposal,
      };
      const tiles = [...state.tiles];
      targets.forEach((tileIndex, k) => (tiles[tileIndex] = { ...emptyTile(), cameraId: plan.cameraIds[k]! }));
      set({ tiles, pageTour: null, undo });
      return targets.length;
    },

    undoPlace() {
      const undo = get().undo;
      if (!undo) return false;
      const now = Date.now();
      const current = get().tiles;
      // Put-many never touches a touring tile, so a tour still running keeps its own progress; the rest come back.
      const tiles = undo.tiles.map((t, i) => (t.tour && current[i]?.tour ? current[i]! : t));
      const pageTour = undo.pageTour && { ...undo.pageTour, nextAt: Math.max(undo.pageTour.nextAt, now) };
      set({
        tiles: resizeCells(tiles, get().kind, emptyTile),
        pageTour,
        focused: Math.min(undo.focused, cellCount(get().kind) - 1),
        proposal: get().proposal ?? undo.proposal,
        undo: null,
      });
      return true;
    },

    focus(index) {
      if (index >= 0 && index < cellCount(get().kind)) set({ focused: index });
    },

    toggleMaximized(index) {
      const target = index ?? get().focused;
      set({ maximized: get().maximized === target ? null : target, focused: target });
    },

    setTileTour(index, tour) {
      const running = get().tiles[index]?.tour;
      // Stopping a tour leaves its current camera on the tile.
      const cameraId = tour ? null : running ? tourCamera(running) : (get().tiles[index]?.cameraId ?? null);
      updateTile(index, { tour: tour ? startTour(tour, Date.now(), usable) : null, cameraId });
    },

    setPageTour(cameraIds, dwellSeconds = 30) {
      if (!cameraIds || cameraIds.length === 0) {
        set({ pageTour: null });
        return;
      }
      const n = cellCount(get().kind);
      const pages: string[][] = [];
      for (let i = 0; i < cameraIds.length; i += n) pages.push(cameraIds.slice(i, i + n));
      set({ pageTour: startPageTour({ pages, dwellSeconds }, Date.now()) });
    },

    setReason(index, reason, caseId) {
      updateTile(index, { reason, ...(caseId ? { caseId } : {}) });
    },

    setAlertCell(index) {
      set({ alertCell: index });
    },

    touch(index) {
      const until = Date.now() + TOUR_PAUSE_MS;
      const i = index ?? get().focused;
      const tile = get().tiles[i];
      set({
        pausedUntil: until,
        ...(tile?.tour ? { tiles: get().tiles.map((t, k) => (k === i ? { ...t, pausedUntil: until } : t)) } : {}),
      });
    },

    tick(now) {
      const state = get();
      let changed = false;
      const tiles = state.tiles.map((tile) => {
        if (!tile.tour) return tile;
        const tour = advanceTour(tile.tour, now, tile.pausedUntil, usable);
        if (tour === tile.tour) return tile;
        changed = true;
        return { ...tile, tour };
      });
      const pageTour = state.pageTour && advancePageTour(state.pageTour, now, state.pausedUntil);
      const proposal =
        state.proposal && ({ ...state.proposal, run: advanceTour(state.proposal.run, now, 0) } satisfies Proposal);
      const proposalChanged = proposal !== null && proposal.run !== state.proposal!.run;
      if (changed || pageTour !== state.pageTour || proposalChanged) {
        set({ tiles, pageTour, ...(proposalChanged ? { proposal } : {}) });
      }
    },

    propose({ cameraIds, ...rest }) {
      if (cameraIds.length === 0) return;
      const tour = { cameraIds: [...cameraIds], dwellSeconds: PROPOSAL_DWELL_SECONDS };
      set({ proposal: { ...rest, run: startTour(tour, Date.now()) } });
    },

    nextProposal() {
      const proposal = get().proposal;
      if (!proposal) return;
      const n = proposal.run.cameraIds.length;
      const run = {
        ...proposal.run,
        index: (proposal.run.index + 1) % n,
        nextAt: Date.now() + PROPOSAL_DWELL_SECONDS * 1000,
      };
      set({ proposal: { ...proposal, run } });
    },

    dismissProposal() {
      set({ proposal: null });
    },

    applyLayout(layout) {
      const n = cellCount(layout.kind);
      const now = Date.now();
      const notPermitted = new Set(layout.notPermitted);
      const tiles = resizeCells<TileSpec>(
        layout.cells.map((cell) => ({
          cameraId: cell.cameraId,
          tour: cell.tour ? startTour(cell.tour, now, (id) => !notPermitted.has(id)) : null,
          pausedUntil: 0,
        })),
        layout.kind,
        emptyTile,
      );
      set({
        kind: layout.kind,
        tiles,
        undo: null,
        focused: 0,
        maximized: null,
        pageTour: layout.pageTour ? startPageTour(layout.pageTour, now) : null,
        alertCell: layout.alertCell !== null && layout.alertCell < n ? layout.alertCell : null,
        notPermitted,
        layoutName: layout.name,
      });
    },

    toggleStats() {
      set({ showStats: !get().showStats });
    },

    setCasting(casting) {
      set({ casting });
    },
  };
});

/** The wall as a layout to save under `name` (tours keep their camera lists and dwell times). */
export function layoutInput(state: WallState, name: string): WallLayoutInput {
  const n = cellCount(state.kind);
  return {
    name,
    kind: state.kind,
    cells: state.tiles.slice(0, n).map((tile) => ({
      cameraId: tile.tour ? null : tile.cameraId,
      tour: tile.tour ? { cameraIds: [...tile.tour.cameraIds], dwellSeconds: tile.tour.dwellSeconds } : null,
    })),
    pageTour: state.pageTour
      ? { pages: state.pageTour.pages.map((p) => [...p]), dwellSeconds: state.pageTour.dwellSeconds }
      : null,
    alertCell: state.alertCell,
  };
}

export type { WallState };
