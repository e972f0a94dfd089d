/**
 * Snapshots taken on the wall this session, and those attached to a case as evidence. Kept in this console only:
 * a case's `photos` on the hub are short URL strings (≤ 500 characters, docs in common/cases.ts), too small for an
 * image, and the hub has no evidence upload yet. So "attach" downloads the PNG (the file to hand on) and lists it
 * under the case in this console, by file name, camera and time; see the wall's README section.
 */
import { create } from 'zustand';
import type { Snapshot } from './snapshot.js';

const KEEP_RECENT = 12;

interface EvidenceState {
  recent: Snapshot[];
  byCase: ReadonlyMap<string, Snapshot[]>;
  add(snapshot: Snapshot): void;
  attach(caseId: string, snapshot: Snapshot): void;
  clear(): void;
}

const attachedIds = (byCase: ReadonlyMap<string, Snapshot[]>) => new Set([...byCase.values()].flat().map((s) => s.id));

export const useEvidenceStore = create<EvidenceState>()((set, get) => ({
  recent: [],
  byCase: new Map(),

  add(snapshot) {
    const recent = [snapshot, ...get().recent];
    const kept = recent.slice(0, KEEP_RECENT);
    const attached = attachedIds(get().byCase);
    for (const old of recent.slice(KEEP_RECENT)) if (!attached.has(old.id)) URL.revokeObjectURL(old.url);
    set({ recent: kept });
  },

  attach(caseId, snapshot) {
    const byCase = new Map(get().byCase);
    const list = byCase.get(caseId) ?? [];
    if (!list.some((s) => s.id === snapshot.id)) byCase.set(caseId, [...list, snapshot]);
    set({ byCase });
  },

  clear() {
    for (const s of new Set([...get().recent, ...[...get().byCase.values()].flat()])) URL.revokeObjectURL(s.url);
    set({ recent: [], byCase: new Map() });
  },
}));
