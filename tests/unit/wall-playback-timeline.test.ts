/** The playback timeline's maths (renderer/src/wall/playback-timeline.ts): positions, markers, media ↔ wall clock, sync. */
import { describe, expect, it } from 'vitest';
import {
  aroundCase,
  bandOf,
  clipRange,
  lastHour,
  mediaTimeAt,
  placeMarkers,
  syncTarget,
  timeToX,
  wallClockAt,
  xToTime,
} from '../../renderer/src/wall/playback-timeline.js';

const T0 = Date.parse('2026-12-04T08:00:00Z');
const hour = { fromMs: T0, toMs: T0 + 3_600_000 };
const iso = (ms: number) => new Date(ms).toISOString();

describe('time ↔ x', () => {
  it('puts the middle of the window in the middle of the bar and back', () => {
    expect(timeToX(T0 + 1_800_000, hour, 600)).toBe(300);
    expect(xToTime(300, hour, 600)).toBe(T0 + 1_800_000);
    expect(xToTime(150, hour, 600)).toBe(T0 + 900_000);
  });
  it('keeps moments and clicks outside the window at its ends', () => {
    expect(timeToX(T0 - 60_000, hour, 600)).toBe(0);
    expect(timeToX(T0 + 7_200_000, hour, 600)).toBe(600);
    expect(xToTime(-20, hour, 600)).toBe(T0);
    expect(xToTime(900, hour, 600)).toBe(T0 + 3_600_000);
  });
  it('gives default windows: the last hour, and ±10 min around a case but not past now', () => {
    expect(lastHour(T0)).toEqual({ fromMs: T0 - 3_600_000, toMs: T0 });
    expect(aroundCase(T0, T0 + 3_600_000)).toEqual({ fromMs: T0 - 600_000, toMs: T0 + 600_000 });
    expect(aroundCase(T0, T0 + 60_000)).toEqual({ fromMs: T0 - 600_000, toMs: T0 + 60_000 });
  });
});

describe('spans, gaps and markers on the bar', () => {
  it('cuts a span to the window as a percent band, and drops one outside it', () => {
    expect(bandOf({ from: iso(T0 - 600_000), to: iso(T0 + 900_000) }, hour)).toEqual({ left: 0, width: 25 });
    expect(bandOf({ from: iso(T0 + 1_800_000), to: iso(T0 + 2_700_000) }, hour)).toEqual({ left: 50, width: 25 });
    expect(bandOf({ from: iso(T0 - 600_000), to: iso(T0 - 60_000) }, hour)).toBeNull();
  });
  it('places case markers in time order and leaves out those outside the window', () => {
    const marks = [
      { id: 'b', reportedAt: iso(T0 + 2_700_000) },
      { id: 'a', reportedAt: iso(T0 + 900_000) },
      { id: 'x', reportedAt: iso(T0 - 1000) },
    ];
    expect(placeMarkers(marks, hour).map((p) => [p.mark.id, p.left])).toEqual([
      ['a', 25],
      ['b', 75],
    ]);
  });
});

describe('media time ↔ wall clock through dated fragments', () => {
  // Two 2-s segments, a 10-s gap (recording stopped), then two more: media time runs on without the gap.
  const frags = [
    { start: 0, duration: 2, programDateTime: T0 },
    { start: 2, duration: 2, programDateTime: T0 + 2000 },
    { start: 4, duration: 2, programDateTime: T0 + 14_000 },
    { start: 6, duration: 2, programDateTime: T0 + 16_000 },
  ];
  it('reads the wall clock of a media time, across the gap', () => {
    expect(wallClockAt(frags, 1.5)).toBe(T0 + 1500);
    expect(wallClockAt(frags, 4.25)).toBe(T0 + 14_250);
    expect(wallClockAt([], 1)).toBeNull();
  });
  it('finds the media time of a wall-clock moment; a moment in the gap plays the next recorded one', () => {
    expect(mediaTimeAt(frags, T0 + 3000)).toBe(3);
    expect(mediaTimeAt(frags, T0 + 15_000)).toBe(5);
    expect(mediaTimeAt(frags, T0 + 8000)).toBe(4);
    expect(mediaTimeAt(frags, T0 - 5000)).toBe(0);
    expect(mediaTimeAt(frags, T0 + 60_000)).toBe(8);
  });
});

describe('sync: followers seek to the driving tile', () => {
  const cursor = { ms: T0, publishedAt: 1000, speed: 4, paused: false };
  it('advances the cursor by the time since it was published at the driver speed', () => {
    expect(syncTarget(cursor, null, 1500)).toBe(T0 + 2000);
    expect(syncTarget({ ...cursor, paused: true }, T0 + 60_000, 9000)).toBe(T0);
  });
  it('leaves a follower alone when it is close enough, and seeks one that drifted', () => {
    expect(syncTarget(cursor, T0 + 2500, 1500)).toBeNull();
    expect(syncTarget(cursor, T0 + 9000, 1500)).toBe(T0 + 2000);
  });
});

describe('export range', () => {
  it('orders in and out and caps the clip at the maximum length', () => {
    expect(clipRange(T0 + 5000, T0, 600_000)).toEqual({ fromMs: T0, toMs: T0 + 5000 });
    expect(clipRange(T0, T0 + 3_600_000, 600_000)).toEqual({ fromMs: T0, toMs: T0 + 600_000 });
  });
});
