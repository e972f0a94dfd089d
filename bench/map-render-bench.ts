/**
 * The map's rendering in Chromium: 1,000,000 events from bytes to the first frame of the map's heat layer (and a GPU
 * filter change / time step to the next frame), then the same 100,000 points through deck.gl's HeatmapLayer and
 * through leaflet.heat in one run, with the ratio.
 *
 * Note: this machine has no GPU — Chromium renders WebGL2 in software (SwiftShader, printed below), where deck.gl's
 * per-pixel GPU work is far slower than on any real graphics card, while leaflet.heat's canvas 2D path is not GPU
 * work at all. The ratio on a command room's PC with a GPU favours deck.gl much more.
 *
 *   npx tsx bench/map-render-bench.ts [--events=1000000]
 */
import { chromium } from '@playwright/test';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { CASE_GRADES, CASE_SOURCES, CASE_STATUSES } from '../common/cases.js';
import { startMapEventsBody } from '../common/map-events-format.js';
import { CHROMIUM_ARGS } from '../playwright.config.js';

const EVENTS = Number(process.argv.find((a) => a.startsWith('--events='))?.split('=')[1] ?? 1_000_000);
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

/** Events clustered like a county's: a dense seat in the middle and villages around it. */
function syntheticEvents(n: number): Uint8Array {
  let s = 42;
  const random = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0), s / 2 ** 32);
  const gauss = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const grids = Array.from(
    { length: 900 },
    (_, i) => `431099${String(Math.floor(i / 75) + 1).padStart(3, '0')}${String(i).padStart(6, '0')}`,
  );
  const centres = grids.map((_, i) =>
    i < 60 ? [112.2 + gauss() * 0.02, 25.9 + gauss() * 0.02] : [112.2 + gauss() * 0.12, 25.9 + gauss() * 0.1],
  );
  const from = Date.parse('2017-01-01T00:00:00+08:00');
  const to = Date.parse('2021-01-01T00:00:00+08:00');
  const { bytes, layout } = startMapEventsBody({
    count: n,
    from,
    to,
    flags: 0,
    dictionary: {
      grids,
      grades: [...CASE_GRADES],
      majors: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '??'],
      statuses: [...CASE_STATUSES],
      sources: [...CASE_SOURCES],
    },
  });
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let i = 0; i < n; i++) {
    const g = Math.floor((i / n) * grids.length); // grouped by grid, in grid order
    view.setFloat32(layout.position + 8 * i, centres[g]![0]! + gauss() * 0.003, true);
    view.setFloat32(layout.position + 8 * i + 4, centres[g]![1]! + gauss() * 0.003, true);
    view.setUint32(layout.time + 4 * i, Math.floor((from + random() * (to - from)) / 1000), true);
    view.setUint32(layout.caseId + 4 * i, i + 1, true);
    view.setUint16(layout.grid + 2 * i, g, true);
    const r = random();
    bytes[layout.categories + 4 * i] = r < 0.7 ? 0 : r < 0.93 ? 1 : 2;
    bytes[layout.categories + 4 * i + 1] = Math.floor(random() * 9);
    bytes[layout.categories + 4 * i + 2] = 6;
    bytes[layout.categories + 4 * i + 3] = random() < 0.93 ? 0 : 1 + Math.floor(random() * 4);
  }
  return bytes;
}

const out = mkdtempSync(join(tmpdir(), 'grid-map-render-'));
try {
  console.log('building the bench page …');
  await build({
    configFile: false,
    logLevel: 'warn',
    root: here('./lib'),
    base: './',
    build: { outDir: out, emptyOutDir: true, rollupOptions: { input: here('./lib/map-render-page.html') } },
  });
  writeFileSync(join(out, 'events-1m.bin'), syntheticEvents(EVENTS));

  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
  const server = createServer((req, res) => {
    const path = normalize(join(out, decodeURIComponent((req.url ?? '/').split('?')[0]!)));
    if (!path.startsWith(out)) return void res.writeHead(404).end();
    try {
      const body = readFileSync(path.endsWith('/') ? join(path, 'map-render-page.html') : path);
      res.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/map-render-page.html`;

  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    page.on('pageerror', (e) => console.error('page error:', e.message));
    await page.goto(url);
    // Strings, not functions: this file is type-checked without the DOM library.
    await page.waitForFunction("typeof window.runBench === 'function'");
    const result = (await page.evaluate('window.runBench()')) as {
      renderer: string;
      software: boolean;
      million: Record<string, number>;
      comparison: Record<string, number>;
    };
    const { million: m, comparison: c } = result;
    const ms = (x: number | undefined) => `${(x ?? Number.NaN).toFixed(0)} ms`;
    console.log(
      `WebGL renderer: ${result.renderer}` +
        (result.software ? '  — software rendering (no GPU): the map uses its coarser heat texture (512²)' : ''),
    );
    console.log(
      `${m.events} events: fetch ${ms(m.fetchMs)}, decode to typed arrays ${ms(m.decodeMs)}, ` +
        `first frame ${ms(m.firstFrameMs)} → bytes to first frame ${ms(m.bytesToFrameMs)}`,
    );
    console.log(
      `  GPU filter change → frame ${ms(m.filterMs)}; time-window step → frame ${ms(m.stepMs)} (median of 5)`,
    );
    console.log(
      `${c.points} points, first frame: deck.gl HeatmapLayer ${ms(c.deckFirstMs)}, leaflet.heat ${ms(c.leafletFirstMs)} ` +
        `(deck/leaflet ${(c.deckFirstMs! / c.leafletFirstMs!).toFixed(2)})`,
    );
    console.log(
      `  zoom out, heat recomputed → frame: deck.gl ${ms(c.deckRedrawMs)}, leaflet.heat ${ms(c.leafletRedrawMs)} ` +
        `(deck/leaflet ${(c.deckRedrawMs! / c.leafletRedrawMs!).toFixed(2)})`,
    );
  } finally {
    await browser.close();
    server.close();
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
