/**
 * How many tiles of this window may play HTTP-FLV at once. Chromium opens at most six HTTP/1.1 connections per host,
 * and an FLV response never ends: a seventh FLV tile would wait forever for a connection, and so would every HLS
 * segment, snapshot and API request to that hub behind it (a 16-tile wall with 低延时 on showed exactly this: ten
 * tiles never played). Four FLV tiles leave two connections for everything else; a tile without a slot plays HLS.
 * FLV is for the few tiles that follow one incident, where a second matters (README, "Live, faster").
 */
export const FLV_MAX_TILES = 4;

let held = 0;

/** Would a tile get a slot now? (asked when choosing which stream the hub should start) */
export function flvSlotFree(): boolean {
  return held < FLV_MAX_TILES;
}

/** Takes a slot for one FLV player; false when all are held (the tile plays HLS). */
export function takeFlvSlot(): boolean {
  if (held >= FLV_MAX_TILES) return false;
  held++;
  return true;
}

/** Gives back the slot of an FLV player that was destroyed. */
export function releaseFlvSlot(): void {
  held = Math.max(0, held - 1);
}

export function flvSlotsHeld(): number {
  return held;
}
