/**
 * Big-screen density (issue 17 §3): the per-user display preferences survive bad stored values, the heat scale
 * follows the period's own distribution, and the map reports the scope's outline on screen.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DISPLAY_PREFS, parseDisplayPrefs } from '../../renderer/src/base/display-prefs-model.js';
import { heatIntensity, MAX_INTENSITY } from '../../renderer/src/map/heat-scale.js';
import { fitView, screenBox } from '../../renderer/src/map/view-fit.js';

describe('display preferences', () => {
  it('keep what is valid and fall back field by field', () => {
    expect(parseDisplayPrefs(null)).toEqual(DEFAULT_DISPLAY_PREFS);
    expect(parseDisplayPrefs({ orgCollapsed: true, scale: 125, navCollapsed: 'yes' })).toEqual({
      ...DEFAULT_DISPLAY_PREFS,
      orgCollapsed: true,
      scale: 125,
    });
    expect(parseDisplayPrefs({ scale: 300 }).scale).toBe(100);
  });

  it('play the wall live over FLV by default, even where the old HTTP-FLV opt-in was stored as off', () => {
    expect(DEFAULT_DISPLAY_PREFS.wallLiveFlv).toBe(true);
    // Saved with any other setting while FLV was an off-by-default opt-in: not the operator's choice of HLS.
    expect(parseDisplayPrefs({ wallLowLatency: false, compactBoard: true }).wallLiveFlv).toBe(true);
    expect(parseDisplayPrefs({ wallLiveFlv: false }).wallLiveFlv).toBe(false); // turned off since: kept
  });
});

describe('heat scale', () => {
  const events = (cells: Array<[number, number, number]>) => {
    const position: number[] = [];
    for (const [lon, lat, n] of cells) for (let i = 0; i < n; i++) position.push(lon, lat);
    return { position, weight: position.filter((_, i) => i % 2 === 0).map(() => 1) };
  };

  it('is 1 for an even spread and none', () => {
    const even = events([...Array(40).keys()].map((k) => [112 + k * 0.01, 25.9, 5] as [number, number, number]));
    expect(heatIntensity(even.position, even.weight, even.weight.length)).toBe(1);
    expect(heatIntensity([], [], 0)).toBe(1);
  });

  it('puts red at a high percentile when one town dwarfs the rest', () => {
    const cells: Array<[number, number, number]> = [[112.2, 25.9, 400]];
    for (let k = 0; k < 60; k++) cells.push([112 + k * 0.01, 26.1, 4]);
    const skewed = events(cells);
    expect(heatIntensity(skewed.position, skewed.weight, skewed.weight.length)).toBe(MAX_INTENSITY);
    const milder: Array<[number, number, number]> = [[112.2, 25.9, 40]];
    for (let k = 0; k < 60; k++) milder.push([112 + k * 0.01, 26.1, 4]);
    const m = events(milder);
    expect(heatIntensity(m.position, m.weight, m.weight.length)).toBeCloseTo(10, 5);
  });
});

describe('scope outline on screen', () => {
  it('a fitted view frames the bounds inside the padding', () => {
    const bounds: [number, number, number, number] = [111.9, 25.6, 112.5, 26.2];
    const view = fitView(bounds, 1200, 800, 40);
    const [x0, y0, x1, y1] = screenBox(bounds, view, { width: 1200, height: 800 }).split(',').map(Number);
    expect(Math.min(x0!, y0!)).toBeGreaterThanOrEqual(39);
    expect(x1!).toBeLessThanOrEqual(1161);
    expect(y1!).toBeLessThanOrEqual(761);
    // One side touches the padding: the fit is tight.
    expect(Math.min(x0!, y0!, 1200 - x1!, 800 - y1!)).toBeLessThanOrEqual(41);
  });
});
