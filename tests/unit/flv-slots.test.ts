/**
 * A window's FLV tiles are capped below Chromium's six connections per host (renderer/src/wall/flv-slots.ts): a tile
 * beyond the cap plays HLS instead of waiting forever for a connection, and a closed FLV tile's slot goes to the next.
 */
import { describe, expect, it } from 'vitest';
import {
  FLV_MAX_TILES,
  flvSlotFree,
  flvSlotsHeld,
  releaseFlvSlot,
  takeFlvSlot,
} from '../../renderer/src/wall/flv-slots.js';

describe('FLV slots', () => {
  it('leaves connections for HLS segments and requests: at most four FLV tiles, a freed slot is taken again', () => {
    expect(FLV_MAX_TILES).toBeLessThan(6);
    const taken = Array.from({ length: 16 }, () => takeFlvSlot());
    expect(taken.filter(Boolean)).toHaveLength(FLV_MAX_TILES);
    expect(flvSlotFree()).toBe(false);
    releaseFlvSlot();
    expect(flvSlotFree()).toBe(true);
    expect(takeFlvSlot()).toBe(true);
    for (let i = 0; i < 20; i++) releaseFlvSlot(); // more releases than takes never goes below zero
    expect(flvSlotsHeld()).toBe(0);
    expect(takeFlvSlot()).toBe(true);
  });
});
