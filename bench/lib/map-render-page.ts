/**
 * The browser half of bench/map-render-bench.ts, built by Vite and run in Chromium:
 * 1. a million events, bytes → decode → the map's own FilteredHeatmapLayer (with the settings the map picks for this
 *    renderer) → first frame; then a GPU filter change and a time-window step, each to the next frame (no upload);
 * 2. the same 100,000 points through deck.gl's HeatmapLayer (stock settings) and through leaflet.heat: first frame,
 *    and a zoom out by half a level to the next frame with the heat recomputed.
 */
import { HeatmapLayer } from '@deck.gl/aggregation-layers';
import { Deck, type Layer } from '@deck.gl/core';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { eventDataFromBytes } from '../../renderer/src/map/event-attributes.js';
import {
  categoryBitMask,
  filterCategories,
  filterRange,
  NO_FILTER,
  type MapFilter,
} from '../../renderer/src/map/event-filter.js';
import { FilteredHeatmapLayer } from '../../renderer/src/map/FilteredHeatmapLayer.js';
import { EVENT_FILTER } from '../../renderer/src/map/gpu-filter.js';
import { heatSettings, isSoftwareRenderer } from '../../renderer/src/map/render-tier.js';

// This file runs in the browser but is type-checked with the Node files (no DOM library there, on purpose): the few
// DOM globals it touches are declared loosely here rather than adding the DOM to every Node file's types.
declare const document: any;
declare const window: any;
declare function requestAnimationFrame(callback: (time: number) => void): number;

/** The map's own probe (software-renderer.ts) needs the DOM types; the same question, asked loosely. */
function softwareRendering(): boolean {
  const gl = document.createElement('canvas').getContext('webgl2');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  return gl ? isSoftwareRenderer(String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER))) : false;
}

const VIEW = { longitude: 112.2, latitude: 25.9, zoom: 10, pitch: 0, bearing: 0 };
const WIDTH = 1200;
const HEIGHT = 800;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const nextFrame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));

/** A Deck whose `rendered()` resolves at the next frame it draws. */
function makeDeck(parent: any, layers: Layer[]) {
  let waiting: Array<(t: number) => void> = [];
  const deck = new Deck({
    parent,
    width: WIDTH,
    height: HEIGHT,
    viewState: VIEW,
    controller: false,
    layers,
    onAfterRender: () => {
      const t = performance.now();
      waiting.forEach((resolve) => resolve(t));
      waiting = [];
    },
  });
  const rendered = () => new Promise<number>((resolve) => waiting.push(resolve));
  return { deck, rendered };
}

function heatLayer(data: ReturnType<typeof eventDataFromBytes>, filter: MapFilter) {
  const categories = filterCategories(filter, data.events.dictionary);
  return new FilteredHeatmapLayer({
    id: 'heat',
    data: data.binary as never,
    ...heatSettings(softwareRendering()),
    intensity: 2,
    threshold: 0.01,
    extensions: [EVENT_FILTER],
    eventFilter: { range: filterRange(filter, data.periodDays), categoryBitMask: categoryBitMask(categories) },
    _subLayerProps: { 'triangle-layer': { extensions: [] } },
  });
}

async function millionEvents() {
  const t0 = performance.now();
  const bytes = new Uint8Array(await (await fetch('./events-1m.bin')).arrayBuffer());
  const t1 = performance.now();
  const data = eventDataFromBytes(bytes);
  const t2 = performance.now();
  const { deck, rendered } = makeDeck(document.getElementById('deck')!, [heatLayer(data, NO_FILTER)]);
  const first = await rendered();
  const times = { fetchMs: t1 - t0, decodeMs: t2 - t1, firstFrameMs: first - t2, bytesToFrameMs: first - t1 };

  const filterMs: number[] = [];
  const stepMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    let start = performance.now();
    deck.setProps({ layers: [heatLayer(data, { ...NO_FILTER, grades: i % 2 ? null : ['serious'] })] });
    filterMs.push((await rendered()) - start);
    start = performance.now();
    deck.setProps({ layers: [heatLayer(data, { ...NO_FILTER, window: [100 + i, 107 + i] })] });
    stepMs.push((await rendered()) - start);
  }
  deck.finalize();
  return { events: data.events.count, ...times, filterMs: median(filterMs), stepMs: median(stepMs) };
}

async function deckVersusLeaflet(count: number) {
  const bytes = new Uint8Array(await (await fetch('./events-1m.bin')).arrayBuffer());
  const { events } = eventDataFromBytes(bytes);
  const positions = events.position.subarray(0, 2 * count);

  // Stock deck.gl HeatmapLayer (default 2048² weights); leaflet.heat with its usual radius and blur.
  const layer = new HeatmapLayer({
    id: 'plain-heat',
    data: { length: count, attributes: { getPosition: { value: positions, size: 2 } } } as never,
    getWeight: 1,
    radiusPixels: 25,
  });
  let start = performance.now();
  const { deck, rendered } = makeDeck(document.getElementById('deck-heat')!, [layer]);
  const deckFirst = (await rendered()) - start;
  // Zooming out past the weights' bounds makes both recompute at once (deck.gl debounces zooming in).
  const deckRedraw: number[] = [];
  for (let i = 1; i <= 4; i++) {
    start = performance.now();
    deck.setProps({ viewState: { ...VIEW, zoom: VIEW.zoom - 0.5 * i } });
    deckRedraw.push((await rendered()) - start);
  }
  deck.finalize();

  // leaflet.heat is a classic plugin: it extends the global L.
  window.L = L;
  await import('leaflet.heat');
  const points: Array<[number, number, number]> = [];
  for (let i = 0; i < count; i++) points.push([positions[2 * i + 1]!, positions[2 * i]!, 1]);
  const map = L.map(document.getElementById('leaflet-heat')!, {
    zoomAnimation: false,
    fadeAnimation: false,
    zoomSnap: 0,
  });
  map.setView([VIEW.latitude, VIEW.longitude], VIEW.zoom + 1); // Leaflet counts 256-px tiles, deck.gl 512-px
  start = performance.now();
  L.heatLayer(points, { radius: 25, blur: 15 }).addTo(map);
  const leafletFirst = (await nextFrame()) - start;
  const leafletRedraw: number[] = [];
  for (let i = 1; i <= 4; i++) {
    start = performance.now();
    map.setZoom(VIEW.zoom + 1 - 0.5 * i, { animate: false });
    leafletRedraw.push((await nextFrame()) - start);
  }
  map.remove();
  return {
    points: count,
    deckFirstMs: deckFirst,
    deckRedrawMs: median(deckRedraw),
    leafletFirstMs: leafletFirst,
    leafletRedrawMs: median(leafletRedraw),
  };
}

function renderer(): string {
  const gl = document.createElement('canvas').getContext('webgl2');
  const info = gl?.getExtension('WEBGL_debug_renderer_info');
  return gl ? String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)) : 'no WebGL2';
}

window.runBench = async () => ({
  renderer: renderer(),
  software: softwareRendering(),
  million: await millionEvents(),
  comparison: await deckVersusLeaflet(100_000),
});
