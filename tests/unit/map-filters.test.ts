/**
 * The renderer's side of the map's data: decoded columns become deck.gl binary attributes once, filters become
 * category masks and a day range (the same test the GPU runs, checked here against a brute-force count), a unit's
 * events are one contiguous range, and periods, zoom levels and the scale bar come out right.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMapEvents } from '../../common/map-events-format.js';
import { eventDataFromBytes, unitRange } from '../../renderer/src/map/event-attributes.js';
import {
  categoryBitMask,
  countInWindow,
  filterCategories,
  filterRange,
  NO_FILTER,
  type MapFilter,
} from '../../renderer/src/map/event-filter.js';
import { EVENT_FILTER } from '../../renderer/src/map/gpu-filter.js';
import { customPeriod, dateAfter, periodOf, periodPresets } from '../../renderer/src/map/map-period.js';
import { heatSettings, isSoftwareRenderer } from '../../renderer/src/map/render-tier.js';
import { pickLevel, scaleBar } from '../../renderer/src/map/view-fit.js';
import { encodeEvents, TEST_LISTS, type PlainEvent } from '../support/map-events.js';

const GRIDS = ['431099001001001', '431099001001002', '431099001002001', '431099002001001'];
const FROM = Date.parse('2019-01-01T00:00:00+08:00');
const DAY = 86_400;

const event = fc.record<PlainEvent>({
  lon: fc.constant(112.2),
  lat: fc.constant(25.9),
  time: fc.integer({ min: FROM / 1000, max: FROM / 1000 + 364 * DAY }),
  caseId: fc.integer({ min: 1, max: 1e6 }),
  grid: fc.integer({ min: 0, max: GRIDS.length - 1 }),
  grade: fc.integer({ min: 0, max: 2 }),
  major: fc.integer({ min: 0, max: 9 }),
  status: fc.integer({ min: 0, max: 9 }),
  source: fc.integer({ min: 0, max: 4 }),
});
const pickOf = (list: readonly string[]) =>
  fc.oneof(fc.constant(null), fc.subarray([...list], { minLength: 0, maxLength: list.length }));
const filter = fc.record<MapFilter>({
  grades: pickOf(TEST_LISTS.grades),
  majors: pickOf(TEST_LISTS.majors),
  statuses: pickOf(TEST_LISTS.statuses),
  sources: pickOf(TEST_LISTS.sources),
  window: fc.oneof(
    fc.constant(null),
    fc.tuple(fc.integer({ min: 0, max: 360 }), fc.integer({ min: 1, max: 30 })).map(([a, n]) => [a, a + n] as const),
  ),
});

describe('event data for deck.gl', () => {
  it('derives days, weights, colours and per-grid ranges once, sharing the hub’s columns', () => {
    const events: PlainEvent[] = [
      {
        lon: 112.1,
        lat: 25.8,
        time: FROM / 1000 + 1.5 * DAY,
        caseId: 7,
        grid: 0,
        grade: 2,
        major: 0,
        status: 6,
        source: 0,
      },
      { lon: 112.2, lat: 25.9, time: FROM / 1000, caseId: 8, grid: 0, grade: 0, major: 1, status: 0, source: 1 },
      {
        lon: 112.3,
        lat: 26.0,
        time: FROM / 1000 + 30 * DAY,
        caseId: 9,
        grid: 3,
        grade: 1,
        major: 2,
        status: 3,
        source: 2,
      },
    ];
    const bytes = encodeEvents(events, GRIDS);
    const data = eventDataFromBytes(bytes);
    expect(data.periodDays).toBe(365);
    expect([...data.day]).toEqual([1.5, 0, 30]);
    expect([...data.weight]).toEqual([4, 1, 2]);
    expect([...data.colour.subarray(0, 4)]).toEqual([255, 77, 79, 255]);
    // Zero-copy: positions and categories are views on the received bytes.
    expect(data.binary.attributes.getPosition.value.buffer).toBe(bytes.buffer);
    expect(data.binary.attributes.getFilterCategory.value.buffer).toBe(bytes.buffer);
    expect(data.binary.length).toBe(3);
    expect([...data.gridStart]).toEqual([0, 2, 2, 2, 3]);
    expect(unitRange(data, '431099001')).toEqual([0, 2]);
    expect(unitRange(data, '431099002')).toEqual([2, 3]);
    expect(unitRange(data, '431099001001002')).toEqual([2, 2]);
    expect(unitRange(data, '431099')).toEqual([0, 3]);
  });

  it('counts on the CPU exactly what the GPU filter lets through', () => {
    fc.assert(
      fc.property(fc.array(event, { maxLength: 150 }), filter, (raw, f) => {
        const events = [...raw].sort((a, b) => a.grid - b.grid);
        const data = eventDataFromBytes(encodeEvents(events, GRIDS));
        const categories = filterCategories(f, decodeMapEvents(encodeEvents([], GRIDS)).dictionary);
        const range = filterRange(f, data.periodDays);
        const allowed = (list: readonly string[] | null, names: readonly string[], index: number) =>
          !list || list.length === 0 || list.includes(names[index]!);
        const expected = events.filter(
          (e) =>
            allowed(f.grades, TEST_LISTS.grades, e.grade) &&
            allowed(f.majors, TEST_LISTS.majors, e.major) &&
            allowed(f.statuses, TEST_LISTS.statuses, e.status) &&
            allowed(f.sources, TEST_LISTS.sources, e.source) &&
            (e.time - FROM / 1000) / DAY >= range[0] &&
            (e.time - FROM / 1000) / DAY <= range[1],
        ).length;
        expect(countInWindow(data, 0, events.length, categoryBitMask(categories), range)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it('turns picks into the extension’s category indices and masks; nothing picked means all', () => {
    const categories = filterCategories({ ...NO_FILTER, grades: ['serious'], sources: [] }, TEST_LISTS);
    expect(categories[0]).toEqual([2]);
    expect(categories[1]).toHaveLength(TEST_LISTS.majors.length);
    expect(categories[3]).toEqual([0, 1, 2, 3, 4]);
    expect([...categoryBitMask(categories)]).toEqual([0b100, 0b1111111111, 0b1111111111, 0b11111]);
    // The extension's bit for a category is the hub's index itself (binary data never passes its accessor).
    const key = (EVENT_FILTER as unknown as { _getCategoryKey(c: number, ch: number): number })._getCategoryKey;
    expect([0, 3, 9].map((c) => key.call(null, c, 1))).toEqual([0, 3, 9]);
    expect(EVENT_FILTER.opts).toMatchObject({ categorySize: 4, filterSize: 1 });
    expect(filterRange(NO_FILTER, 365)).toEqual([-1, 366]);
    expect(filterRange({ ...NO_FILTER, window: [10, 17] }, 365)).toEqual([10, 17]);
  });
});

describe('periods, zoom levels and the scale bar', () => {
  const now = Date.parse('2026-11-29T08:00:00+08:00');

  it('gives Beijing-day periods, `to` exclusive', () => {
    expect(periodOf('all', now)).toEqual({ preset: 'all', from: '2017-01-01', to: '2026-11-30' });
    expect(periodOf('last30', now)).toEqual({ preset: 'last30', from: '2026-10-31', to: '2026-11-30' });
    expect(periodOf('y2019', now)).toEqual({ preset: 'y2019', from: '2019-01-01', to: '2020-01-01' });
    expect(customPeriod('2020-01-20', '2020-02-29')).toEqual({
      preset: 'custom',
      from: '2020-01-20',
      to: '2020-03-01',
    });
    expect(periodPresets(now)).toEqual([
      'all',
      'last30',
      'last365',
      ...Array.from({ length: 10 }, (_, i) => `y${2026 - i}`),
    ]);
    expect(dateAfter('2020-02-27', 2.7)).toBe('2020-02-29');
  });

  it('shows finer outlines as the view zooms in, with a round scale length', () => {
    expect([9, 11.2, 13].map(pickLevel)).toEqual(['township', 'village', 'grid']);
    const bar = scaleBar(25.9, 10.3);
    expect([1000, 2000, 5000, 10000]).toContain(bar.metres);
    expect(bar.pixels).toBeGreaterThan(40);
    expect(bar.pixels).toBeLessThanOrEqual(120);
  });
});

describe('the heat by renderer', () => {
  it('recognises software WebGL by its renderer string and gives it a coarser weight texture', () => {
    // Chromium here (SwiftShader via ANGLE) and Mesa's llvmpipe, against real GPUs' strings.
    expect(
      isSoftwareRenderer(
        'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)',
      ),
    ).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('ANGLE (NVIDIA, NVIDIA GeForce GTX 1660 Direct3D11 vs_5_0 ps_5_0, D3D11)')).toBe(false);
    expect(isSoftwareRenderer('ANGLE (Intel, Mesa Intel(R) UHD Graphics 630 (CFL GT2), OpenGL 4.6)')).toBe(false);
    const gpu = heatSettings(false);
    const software = heatSettings(true);
    expect(software.weightsTextureSize ** 2).toBeLessThanOrEqual(gpu.weightsTextureSize ** 2 / 4);
  });
});
