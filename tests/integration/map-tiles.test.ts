/**
 * The offline basemap through the web host: a real MBTiles file made here (SQLite with the MBTiles schema and a PNG
 * tile) is served at /tiles/z/x/y with the TMS row flipped; unknown tiles are empty, bad coordinates refused, and a
 * missing or broken file leaves the console running without a basemap.
 */
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MbtilesBasemap, parseTileCoords, sniffImageType } from '../../main/map/mbtiles.js';
import { startWebHost, type WebHost } from '../../main/web-host/server.js';

/** A real 1×1 PNG (dark blue), so the bytes served are an image a browser would draw. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNgYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

let dir: string;
let web: WebHost;
let plain: WebHost;
let broken: WebHost;

function makeMbtiles(path: string): void {
  const db = new Database(path);
  db.exec(`
    CREATE TABLE metadata (name TEXT, value TEXT);
    CREATE TABLE tiles (zoom_level INTEGER, tile_column INTEGER, tile_row INTEGER, tile_data BLOB);
    CREATE UNIQUE INDEX tile_index ON tiles (zoom_level, tile_column, tile_row);`);
  const meta = db.prepare('INSERT INTO metadata VALUES (?, ?)');
  for (const [k, v] of Object.entries({ name: 'X县离线底图', format: 'png', minzoom: '0', maxzoom: '2' }))
    meta.run(k, v);
  meta.run('bounds', '111.9,25.6,112.5,26.2');
  const tile = db.prepare('INSERT INTO tiles VALUES (?, ?, ?, ?)');
  tile.run(0, 0, 0, PNG);
  // XYZ 1/1/0 (the north-east quarter) is TMS row 1 at zoom 1.
  tile.run(1, 1, 1, PNG);
  tile.run(2, 3, 0, Buffer.from('not an image'));
  db.close();
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'grid-tiles-'));
  const rendererDir = join(dir, 'renderer');
  writeFileSync(join(dir, 'index.html'), '<!doctype html>');
  makeMbtiles(join(dir, 'basemap.mbtiles'));
  writeFileSync(join(dir, 'broken.mbtiles'), 'this is not SQLite');
  const hubUrl = 'http://127.0.0.1:9'; // the tile route never talks to the hub
  web = await startWebHost({ hubUrl, rendererDir, mbtilesPath: join(dir, 'basemap.mbtiles') });
  plain = await startWebHost({ hubUrl, rendererDir });
  broken = await startWebHost({ hubUrl, rendererDir, mbtilesPath: join(dir, 'broken.mbtiles') });
});
afterAll(async () => {
  await Promise.all([web.close(), plain.close(), broken.close()]);
  rmSync(dir, { recursive: true, force: true });
});

describe('basemap tiles', () => {
  it('describes the basemap and serves its PNG tiles with the TMS row flipped', async () => {
    const meta = await (await fetch(`${web.url}/tiles/metadata.json`)).json();
    expect(meta).toEqual({
      available: true,
      name: 'X县离线底图',
      format: 'png',
      minZoom: 0,
      maxZoom: 2,
      bounds: [111.9, 25.6, 112.5, 26.2],
    });
    for (const path of ['/tiles/0/0/0', '/tiles/1/1/0']) {
      const res = await fetch(`${web.url}${path}`);
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await res.arrayBuffer()).equals(PNG)).toBe(true);
    }
  });

  it('answers an unknown or unreadable tile with no content, never an error', async () => {
    for (const path of ['/tiles/1/1/1', '/tiles/1/0/0', '/tiles/2/3/3', '/tiles/20/5/5']) {
      const res = await fetch(`${web.url}${path}`);
      expect(res.status, path).toBe(204);
      expect((await res.arrayBuffer()).byteLength).toBe(0);
    }
  });

  it('refuses coordinates that are not integers inside the pyramid, and every path trick', async () => {
    for (const path of [
      '/tiles/1/2/0',
      '/tiles/1/0/2',
      '/tiles/25/0/0',
      '/tiles/-1/0/0',
      '/tiles/a/b/c',
      '/tiles/1.5/0/0',
      '/tiles/1/0',
      '/tiles/1/0/0/0',
      '/tiles/0/0/0.png',
      '/tiles/0x1/0/0',
      '/tiles/1/0/0%2f..%2f..',
      '/tiles/1e1/0/0',
      '/tiles/metadata',
    ]) {
      const res = await fetch(`${web.url}${path}`);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as any).error.code).toBe('bad_request');
    }
    // fetch() resolves dot segments itself; whatever arrives, the file's bytes never leave.
    for (const path of ['/tiles/../../basemap.mbtiles', '/tiles/%2e%2e/%2e%2e/basemap.mbtiles']) {
      const escaped = await fetch(`${web.url}${path}`);
      expect(escaped.status, path).toBe(404);
      expect(await escaped.text()).not.toContain('SQLite format');
    }
    expect(parseTileCoords('3', '7', '7')).toEqual({ z: 3, x: 7, y: 7 });
    expect(parseTileCoords('3', '8', '0')).toBeNull();
  });

  it('runs without a basemap when none is configured or the file is not MBTiles', async () => {
    for (const host of [plain, broken]) {
      expect(await (await fetch(`${host.url}/tiles/metadata.json`)).json()).toEqual({ available: false });
      expect((await fetch(`${host.url}/tiles/0/0/0`)).status).toBe(404);
    }
    expect(() => MbtilesBasemap.open(join(dir, 'missing.mbtiles'))).toThrow();
    expect(() => MbtilesBasemap.open(dir)).toThrow(/not a file/);
  });

  it('recognises tile images by their bytes', () => {
    expect(sniffImageType(PNG)).toBe('image/png');
    expect(sniffImageType(Buffer.from([0xff, 0xd8, 0xff]))).toBe('image/jpeg');
    expect(sniffImageType(Buffer.from('RIFF\0\0\0\0WEBPVP8 '))).toBe('image/webp');
    expect(sniffImageType(Buffer.from('<svg'))).toBeNull();
  });
});
