/**
 * Builds the map chunks that are missing or behind, a few at a time, some seconds after the hub starts — so the
 * first map opened after an upgrade or a seeded demo is not the one that waits for 84,000 (or a million) cases to
 * be packed. Yields to real writes: it builds outside any transaction and stores only when no write is queued.
 *
 * One pass over the chunks that were behind when it began, then it stops: chunks that live reports touch later are
 * rebuilt by the next map query that reads them (a few hundred rows each). Chasing them here instead rebuilt the
 * busiest chunks after every batch of reports — a sixth of the hub's time under a steady intake (bench/intake-*).
 */
import type { HubContext } from '../hub-context.js';
import { buildChunk, chunkMemory, chunksToBuild, storeChunks, type ChunkKey } from './event-chunks.js';
import { eventCoding } from './event-dictionary.js';

const START_DELAY_MS = 4000;
const CHUNKS_PER_SLICE = 40;
const PAUSE_MS = 20;

export function startMapChunkWarmer(hub: HubContext): () => void {
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  const coding = eventCoding(hub.reference.latest().taxonomy);
  let behind: ChunkKey[] | null = null;

  // A store that fails (the hub closing under it) just ends the warm-up; queries build what they need.
  const later = (ms: number) => {
    if (!stopped) {
      timer = setTimeout(
        () => void slice().catch((err: unknown) => hub.log.warn({ err }, 'map chunk warm-up stopped')),
        ms,
      );
    }
  };
  const slice = async (): Promise<void> => {
    timer = undefined;
    if (stopped) return;
    if (hub.writes.backlog > 0) {
      later(PAUSE_MS * 10);
      return;
    }
    behind ??= chunksToBuild(hub.db, coding.fingerprint, -1);
    const keys = behind.splice(0, CHUNKS_PER_SLICE);
    if (keys.length === 0) return; // the pass is done; queries keep chunks current from here on
    const built = keys.map((key) => ({ key, chunk: buildChunk(hub.db, coding, key.grid, key.bucket) }));
    const memory = chunkMemory(hub.db);
    for (const { key, chunk } of built) memory.set(key, coding.fingerprint, chunk);
    await hub.writes.run(() => storeChunks(hub.db, built, coding.fingerprint));
    later(PAUSE_MS);
  };

  later(START_DELAY_MS);
  return () => {
    stopped = true;
    if (timer) clearTimeout(timer);
  };
}
