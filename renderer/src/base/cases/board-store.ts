/**
 * The live board of the signed-in user: the cases of its scope (one `cases.board` call), kept current by the
 * `case.changed` pushes, plus what the dispatch view remembers between visits (filters, keyboard cursor, the open
 * case). The feed runs for the whole session (CaseFeed in the shell starts it), so switching views never loses a
 * change and a serious case is announced wherever the user is.
 *
 * Pushes that arrive while the board page is still loading are held back and applied after it, by sequence
 * number; later pushes are gathered for a moment and applied together, so a burst of reports renders once.
 */
import { create } from 'zustand';
import type { CaseChange, CaseView } from '../../../../common/case-api.js';
import { call, subscribe } from '../../bridge/index.js';
import {
  applyChanges,
  applyOwnCase,
  boardFromPage,
  EMPTY_BOARD,
  NO_FILTER,
  stageOfStatus,
  type BoardFilter,
  type BoardState,
} from './board-model.js';

export type FeedStatus = 'idle' | 'loading' | 'ready' | 'failed';
/** The filter bar's part of the filter; the org-tree selection comes from the org store. */
export type BarFilter = Omit<BoardFilter, 'unitCode'>;

/** How long a newly arrived serious case stays highlighted when nobody opens it. */
export const FRESH_MS = 120_000;
/** Pushes arriving within this window are applied in one render. */
const BATCH_MS = 80;

interface BoardStore {
  status: FeedStatus;
  error: unknown;
  board: BoardState;
  truncated: boolean;
  /** Serious cases that arrived live and have not been opened yet: id → arrival time. */
  fresh: ReadonlyMap<string, number>;
  filter: BarFilter;
  /** The card holding the keyboard cursor (by id, so arrivals never move it). */
  cursorId: string | null;
  /** The case whose drawer is open. */
  openCaseId: string | null;
  reload(): Promise<void>;
  /** The answer to one's own move: shown at once, the push of the same version is then ignored. */
  acceptCase(view: CaseView): void;
  setFilter(patch: Partial<BarFilter>): void;
  clearFilter(): void;
  setCursor(id: string | null): void;
  openCase(id: string): void;
  closeCase(): void;
}

const { townshipCode, major, grade, source, text } = NO_FILTER;
const EMPTY_FILTER: BarFilter = { townshipCode, major, grade, source, text, attention: null };

const initial = {
  status: 'idle' as FeedStatus,
  error: null as unknown,
  board: EMPTY_BOARD,
  truncated: false,
  fresh: new Map<string, number>() as ReadonlyMap<string, number>,
  filter: EMPTY_FILTER,
  cursorId: null as string | null,
  openCaseId: null as string | null,
};

interface Feed {
  /** Pushes held back while the board page loads; null once it is in. */
  buffer: CaseChange[] | null;
  /** Board loads started; only the answer to the latest is used. */
  loads: number;
  pending: CaseChange[];
  timer: ReturnType<typeof setTimeout> | undefined;
  readonly onArrival: (cases: CaseView[]) => void;
  readonly timers: Set<ReturnType<typeof setTimeout>>;
}

/** The running feed; a stopped feed's late answers and timers see they are no longer it and do nothing. */
let feed: Feed | null = null;

export const useBoardStore = create<BoardStore>()((set, get) => ({
  ...initial,

  async reload() {
    const current = feed;
    if (!current) return;
    // Only the latest load lands; pushes are held back until it does.
    const load = ++current.loads;
    // A reload of a live board (after a break) announces serious cases that arrived meanwhile; a first load not.
    const known = get().status === 'ready' ? get().board.cases : null;
    current.buffer ??= [];
    set({ status: 'loading', error: null });
    try {
      const page = await call('cases.board', {});
      if (feed !== current || load !== current.loads) return;
      const held = current.buffer ?? [];
      current.buffer = null;
      set({ status: 'ready', board: boardFromPage(page), truncated: page.truncated });
      const result = applyChanges(get().board, held);
      if (result.state !== get().board) set({ board: result.state });
      if (known) {
        const arrived = [...result.state.cases.values()].filter((c) => !known.has(c.id) && isAnnounced(c));
        if (arrived.length > 0) announce(current, arrived);
      }
    } catch (error) {
      if (feed !== current || load !== current.loads) return;
      current.buffer = null;
      set({ status: 'failed', error });
    }
  },

  acceptCase(view) {
    const board = applyOwnCase(get().board, view);
    if (board !== get().board) set({ board });
  },

  setFilter(patch) {
    set({ filter: { ...get().filter, ...patch } });
  },

  clearFilter() {
    set({ filter: EMPTY_FILTER });
  },

  setCursor(id) {
    if (get().cursorId !== id) set({ cursorId: id });
  },

  openCase(id) {
    const fresh = get().fresh;
    if (fresh.has(id)) {
      const left = new Map(fresh);
      left.delete(id);
      set({ fresh: left });
    }
    set({ openCaseId: id, cursorId: get().board.cases.has(id) ? id : get().cursorId });
  },

  closeCase() {
    set({ openCaseId: null });
  },
}));

/**
 * Start the feed for this session: subscribe to pushes first, then load the board. Returns the stop function
 * (which also forgets the board, so a later sign-in never sees the previous user's cases).
 */
export function startCaseFeed(onArrival: (cases: CaseView[]) => void): () => void {
  const current: Feed = {
    buffer: [],
    loads: 0,
    pending: [],
    timer: undefined,
    onArrival,
    timers: new Set(),
  };
  feed = current;
  useBoardStore.setState({ ...initial });

  const flush = () => {
    current.timer = undefined;
    if (feed !== current) return;
    const batch = current.pending;
    current.pending = [];
    const store = useBoardStore.getState();
    const result = applyChanges(store.board, batch);
    if (result.state !== store.board) useBoardStore.setState({ board: result.state });
    const serious = result.added.filter(isAnnounced);
    if (serious.length > 0) announce(current, serious);
  };

  const off = subscribe('case.changed', (change) => {
    if (feed !== current) return;
    if (current.buffer) {
      current.buffer.push(change);
      return;
    }
    current.pending.push(change);
    current.timer ??= setTimeout(flush, BATCH_MS);
  });
  void useBoardStore.getState().reload();

  return () => {
    off();
    if (current.timer !== undefined) clearTimeout(current.timer);
    for (const timer of current.timers) clearTimeout(timer);
    if (feed === current) {
      feed = null;
      useBoardStore.setState({ ...initial });
    }
  };
}

/** Serious cases new to this board are announced (not those that arrive already closed). */
function isAnnounced(c: CaseView): boolean {
  return c.grade === 'serious' && stageOfStatus(c.status) !== 'closed';
}

/** Highlight the cases for a while (until opened) and tell the announcer. */
function announce(current: Feed, cases: readonly CaseView[]): void {
  const now = Date.now();
  const fresh = new Map(useBoardStore.getState().fresh);
  for (const c of cases) fresh.set(c.id, now);
  useBoardStore.setState({ fresh });
  const timer = setTimeout(() => {
    current.timers.delete(timer);
    if (feed !== current) return;
    const left = new Map(useBoardStore.getState().fresh);
    for (const c of cases) if (left.get(c.id) === now) left.delete(c.id);
    useBoardStore.setState({ fresh: left });
  }, FRESH_MS);
  current.timers.add(timer);
  current.onArrival([...cases]);
}
