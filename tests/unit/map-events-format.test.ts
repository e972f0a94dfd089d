/**
 * The map's binary events body: whatever goes in comes back out of the decoder as typed arrays (at any byte
 * offset), broken bodies are refused, and the case number derived for click-through has the hub's shape.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  caseIdOfNo,
  caseNoOf,
  decodeMapEvents,
  MAP_EVENT_BYTES,
  MapEventsFormatError,
  mapEventsLayout,
} from '../../common/map-events-format.js';
import { encodeEvents, TEST_LISTS, type PlainEvent } from '../support/map-events.js';

const event = (grids: number) =>
  fc.record<PlainEvent>({
    lon: fc.float({ min: 111, max: 113, noNaN: true }),
    lat: fc.float({ min: 25, max: 27, noNaN: true }),
    time: fc.integer({ min: 1_483_200_000, max: 1_800_000_000 }),
    caseId: fc.integer({ min: 1, max: 2 ** 32 - 1 }),
    grid: fc.integer({ min: 0, max: grids - 1 }),
    grade: fc.integer({ min: 0, max: 2 }),
    major: fc.integer({ min: 0, max: 9 }),
    status: fc.integer({ min: 0, max: 9 }),
    source: fc.integer({ min: 0, max: 4 }),
  });

describe('map events format', () => {
  it('round-trips any events through the binary body, at any byte offset', () => {
    fc.assert(
      fc.property(fc.array(event(5), { maxLength: 200 }), fc.integer({ min: 0, max: 7 }), (raw, pad) => {
        const events = [...raw].sort((a, b) => a.grid - b.grid);
        const grids = ['431099001001001', '431099001001002', '431099001002001', '431099002001001', '431099003001001'];
        const bytes = encodeEvents(events, grids, undefined, pad);
        const decoded = decodeMapEvents(bytes);
        expect(decoded.count).toBe(events.length);
        expect(decoded.dictionary).toEqual({ grids, ...TEST_LISTS });
        const back = events.map((_, i) => ({
          lon: decoded.position[2 * i],
          lat: decoded.position[2 * i + 1],
          time: decoded.time[i],
          caseId: decoded.caseId[i],
          grid: decoded.grid[i],
          grade: decoded.categories[4 * i],
          major: decoded.categories[4 * i + 1],
          status: decoded.categories[4 * i + 2],
          source: decoded.categories[4 * i + 3],
        }));
        expect(back).toEqual(events.map((e) => ({ ...e, lon: Math.fround(e.lon), lat: Math.fround(e.lat) })));
      }),
      { numRuns: 60 },
    );
  });

  it('costs 22 bytes an event plus a small header', () => {
    const n = 1_000_000;
    const layout = mapEventsLayout(n, 20_000);
    expect(layout.total - layout.position).toBe(n * MAP_EVENT_BYTES);
    for (const offset of [layout.position, layout.time, layout.caseId, layout.categories]) expect(offset % 4).toBe(0);
  });

  it('refuses bodies that are not a whole GCME body of its version', () => {
    const good = encodeEvents([], ['431099001001001']);
    const broken = (patch: (b: Uint8Array) => Uint8Array) => () => decodeMapEvents(patch(good.slice()));
    expect(broken((b) => b.subarray(0, 10))).toThrow(MapEventsFormatError);
    expect(
      broken((b) => {
        b[0] = 0;
        return b;
      }),
    ).toThrow(/not a GCME body/);
    expect(
      broken((b) => {
        b[4] = 9;
        return b;
      }),
    ).toThrow(/format version/);
    expect(
      broken((b) => {
        new DataView(b.buffer).setUint32(8, 5, true);
        return b;
      }),
    ).toThrow(/expected/);
  });

  it('derives the hub’s case number from row id and report time (Beijing day)', () => {
    // 2019-12-31 23:30 Beijing is still the 31st there, although it is the 31st 15:30 UTC.
    const t = Date.parse('2019-12-31T23:30:00+08:00') / 1000;
    expect(caseNoOf(42, t)).toBe('20191231-000042');
    expect(caseNoOf(1_234_567, t + 3600)).toBe('20200101-1234567');
    expect(caseIdOfNo('20191231-000042')).toBe(42);
    expect(caseIdOfNo('20200101-1234567')).toBe(1_234_567);
    expect(caseIdOfNo('C-42')).toBeNull();
  });
});
