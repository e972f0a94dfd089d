/**
 * A county's files through the web console: an org tree larger than the web host's 256 kB call limit (a real county
 * with boundaries is megabytes) reaches the hub's own import limit and is answered, while every other call keeps the
 * small limit and is refused with 413 before it reaches a console service.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startWebHost, type WebHost } from '../../main/web-host/server.js';
import { sampleFile, startCountyHub, TEST_PASSWORD, type CountyHub } from '../support/county-hub.js';

let hub: CountyHub;
let web: WebHost;
let rendererDir: string;

beforeAll(async () => {
  hub = await startCountyHub();
  rendererDir = mkdtempSync(join(tmpdir(), 'grid-renderer-'));
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>网格联动指挥台</title>');
  web = await startWebHost({ hubUrl: hub.url, rendererDir });
}, 60_000);
afterAll(async () => {
  await web?.close();
  await hub?.dispose();
  rmSync(rendererDir, { recursive: true, force: true });
});

it('takes a large org tree through admin.orgImport and keeps the small limit elsewhere', async () => {
  let cookie = '';
  const rpc = async (method: string, body: unknown) => {
    const res = await fetch(`${web.url}/rpc/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
    cookie = res.headers.get('set-cookie')?.split(';')[0] ?? cookie;
    return { status: res.status, body: (await res.json()) as any };
  };
  expect((await rpc('session.login', { username: 'admin1', password: TEST_PASSWORD })).body.ok).toBe(true);

  // The sample county's tree, pretty-printed and padded to ~600 kB: the same features, a file of a real size.
  const tree = JSON.stringify(JSON.parse(sampleFile('org-units.geojson')), null, 2);
  const large = tree + ' '.repeat(600 * 1024 - tree.length);
  const report = await rpc('admin.orgImport', { text: large, dryRun: true });
  expect(report.status).toBe(200);
  expect(report.body).toMatchObject({ ok: true, value: { dryRun: true, problems: [] } });

  const refused = await rpc('cases.board', { padding: ' '.repeat(300 * 1024) });
  expect(refused.status).toBe(413);
});
