/**
 * Evidence on a real hub (issue 15 §2): uploads over HTTP as the handheld app and the console service send them,
 * files on disk, the database rows, scope on every read, refusals that leave nothing, and backups that carry the
 * files. Files are made with the real ffmpeg (tests/support/evidence-files.ts).
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import exifr from 'exifr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, restoreDatabase } from '../../hub/db/backup.js';
import { ATTACHMENT_LIMITS } from '../../hub/evidence/attachment-limits.js';
import { listCaseAttachments, readAttachmentBytes } from '../../hub/evidence/case-attachments.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';
import { makeImage, makeJpegWithGps, makePdf, makeVideo } from '../support/evidence-files.js';

let hub: TestHub;
const tokens: Record<string, string> = {};
let town01Case: string;
let town01Other: string;
let workerCase: string;

async function upload(
  user: string,
  caseId: string,
  bytes: Buffer,
  query: Record<string, string>,
): Promise<{ status: number; body: any }> {
  const url = new URL(`${hub.url}/api/v1/cases/${caseId}/attachments`);
  for (const [k, v] of Object.entries(query)) url.searchParams.set(k, v);
  const res = await fetch(url, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens[user]}`, 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  return { status: res.status, body: await res.json() };
}

async function content(user: string, id: string, variant = 'full') {
  const res = await fetch(`${hub.url}/api/v1/attachments/${id}/content?variant=${variant}`, {
    headers: { authorization: `Bearer ${tokens[user]}` },
  });
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
}

/** Every file under the hub's attachments folder (stored and in progress). */
function filesOnDisk(): string[] {
  const root = join(hub.dir, 'attachments');
  if (!existsSync(root)) return [];
  return (readdirSync(root, { recursive: true, withFileTypes: true }) as Array<{ isFile(): boolean; name: string }>)
    .filter((e) => e.isFile())
    .map((e) => e.name);
}
const rowCount = () =>
  (hub.context.db.raw.prepare('SELECT count(*) AS n FROM case_attachments').get() as { n: number }).n;

beforeAll(async () => {
  hub = await startTestHub();
  for (const user of ['county.duty', 'town01.director', 'town02.director', 'grid.worker', 'town01.wall']) {
    tokens[user] = await login(hub, user);
  }
  const caseIn = (prefix: string, skip = 0) =>
    (
      hub.context.db.raw
        .prepare(`SELECT case_no FROM cases WHERE grid_code LIKE ? || '%' ORDER BY id DESC LIMIT 1 OFFSET ?`)
        .get(prefix, skip) as { case_no: string }
    ).case_no;
  town01Case = caseIn('431099001');
  town01Other = caseIn('431099001', 1);
  const grid = (
    hub.context.db.raw.prepare(`SELECT org_unit_code AS g FROM users WHERE username = 'grid.worker'`).get() as {
      g: string;
    }
  ).g;
  workerCase = caseIn(grid);
}, 60_000);
afterAll(async () => hub.dispose());

describe('attaching evidence to a case', () => {
  it('re-encodes a photo, keeps its EXIF position as data and serves it without EXIF', async () => {
    const photo = makeJpegWithGps();
    expect((await exifr.gps(photo))?.latitude).toBeCloseTo(25.9);
    const res = await upload('county.duty', town01Case, photo, { kind: 'photo', fileName: '现场照片.jpg' });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ caseId: town01Case, kind: 'photo', mime: 'image/jpeg', located: true });
    expect(res.body).toMatchObject({ width: 640, height: 480, hasThumbnail: true, fileName: '现场照片.jpg' });
    const row = hub.context.db.raw
      .prepare('SELECT gps_lon, gps_lat FROM case_attachments WHERE id = ?')
      .get(res.body.id) as { gps_lon: number; gps_lat: number };
    expect(row.gps_lat).toBeCloseTo(25.9, 5);
    expect(row.gps_lon).toBeCloseTo(112.2, 5);

    const served = await content('town01.director', res.body.id);
    expect(served.status).toBe(200);
    expect(served.type).toBe('image/jpeg');
    expect(served.bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(served.bytes.includes(Buffer.from('Exif\0\0', 'latin1'))).toBe(false);
    expect(await exifr.gps(served.bytes)).toBeUndefined();
    const thumb = await content('town01.director', res.body.id, 'thumbnail');
    expect(thumb.status).toBe(200);
    expect(thumb.bytes.length).toBeLessThan(served.bytes.length);

    const list = await api(hub, 'GET', `/api/v1/cases/${town01Case}/attachments`, { token: tokens['town01.wall'] });
    expect(list.status).toBe(200);
    expect(list.body.items.map((a: { id: string }) => a.id)).toContain(res.body.id);
    expect(JSON.stringify(list.body)).not.toMatch(/25\.9|112\.2/); // the position is never answered
  });

  it('stores the same content once, whichever case it is attached to', async () => {
    const photo = makeImage('jpg', 320, 240, 3);
    const first = await upload('county.duty', town01Case, photo, { kind: 'photo', fileName: 'a.jpg' });
    const files = filesOnDisk().length;
    const again = await upload('county.duty', town01Case, photo, { kind: 'photo', fileName: 'a-again.jpg' });
    expect(again.status).toBe(200); // already there: the same attachment, nothing new
    expect(again.body.id).toBe(first.body.id);
    const other = await upload('town01.director', town01Other, photo, { kind: 'photo', fileName: 'b.jpg' });
    expect(other.status).toBe(201);
    expect(other.body.id).not.toBe(first.body.id);
    expect(other.body.sha256).toBe(first.body.sha256);
    expect(filesOnDisk().length).toBe(files); // one stored file (and thumbnail) for both cases
    const name = first.body.sha256 as string;
    expect(existsSync(join(hub.dir, 'attachments', name.slice(0, 2), name.slice(2, 4), name))).toBe(true);
  });

  it('judges a file by its bytes: a PNG named .jpg is taken, a text file named .jpg is refused', async () => {
    const png = await upload('county.duty', town01Case, makeImage('png', 300, 200, 5), {
      kind: 'photo',
      fileName: 'renamed.jpg',
    });
    expect(png.status).toBe(201);
    expect(png.body.mime).toBe('image/jpeg');

    const before = { files: filesOnDisk(), rows: rowCount() };
    const text = await upload('county.duty', town01Case, Buffer.from('这不是照片 not a photo\n'.repeat(20)), {
      kind: 'photo',
      fileName: 'photo.jpg',
    });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('attachment_type_refused');
    // Magic bytes of a JPEG and nothing of one after them: ffmpeg cannot decode it.
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(4000, 0x41)]);
    const lie = await upload('county.duty', town01Case, fake, { kind: 'photo', fileName: 'fake.jpg' });
    expect(lie.status).toBe(422);
    expect(lie.body.error.code).toBe('attachment_unreadable');
    const pdfAsPhoto = await upload('county.duty', town01Case, makePdf(), { kind: 'photo', fileName: 'x.jpg' });
    expect(pdfAsPhoto.body.error.code).toBe('attachment_type_refused');
    expect({ files: filesOnDisk(), rows: rowCount() }).toEqual(before); // nothing on disk, nothing in the database
  });

  it('remuxes a video without its location tag and thumbnails it; takes a PDF from the console', async () => {
    const video = await upload('grid.worker', workerCase, makeVideo(2), { kind: 'video', fileName: '视频.mp4' });
    expect(video.status, JSON.stringify(video.body)).toBe(201);
    expect(video.body).toMatchObject({ mime: 'video/mp4', located: true, hasThumbnail: true });
    expect(video.body.durationMs).toBeGreaterThanOrEqual(1900);
    const served = await content('grid.worker', video.body.id);
    expect(served.type).toBe('video/mp4');
    expect(served.bytes.includes(Buffer.from('+25.9000+112.2000'))).toBe(false);
    expect(served.bytes.includes(Buffer.from('secret-title'))).toBe(false);

    const pdf = await upload('county.duty', workerCase, makePdf(), { kind: 'document', fileName: '协议书.pdf' });
    expect(pdf.status).toBe(201);
    expect(pdf.body).toMatchObject({ mime: 'application/pdf', hasThumbnail: false });
    expect((await content('county.duty', pdf.body.id)).bytes.equals(makePdf())).toBe(true);
    // Documents come from the console, not the handheld app.
    const fromHandheld = await upload('grid.worker', workerCase, makePdf(), { kind: 'document', fileName: 'x.pdf' });
    expect(fromHandheld.status).toBe(403);
  });

  it('serves a file only to users whose scope holds its case, thumbnails included', async () => {
    const res = await upload('town01.director', town01Case, makeImage('webp', 200, 200, 7), {
      kind: 'photo',
      fileName: 'w.webp',
    });
    expect(res.status).toBe(201);
    for (const variant of ['full', 'thumbnail']) {
      const refused = await content('town02.director', res.body.id, variant);
      expect(refused.status).toBe(404); // the same answer as no such attachment: ids cannot be probed
      expect(refused.bytes.toString()).not.toContain('JFIF');
    }
    const list = await api(hub, 'GET', `/api/v1/cases/${town01Case}/attachments`, {
      token: tokens['town02.director'],
    });
    expect(list.status).toBe(404);
    const into = await upload('town02.director', town01Case, makeImage('jpg', 100, 100, 9), {
      kind: 'photo',
      fileName: 'x.jpg',
    });
    expect(into.status).toBe(404);
    expect((await content('county.duty', res.body.id)).status).toBe(200);
  });

  it('gives other features the attachments and their bytes (the case sheet)', () => {
    const items = listCaseAttachments(hub.context.db, town01Case);
    expect(items.length).toBeGreaterThanOrEqual(3);
    const photo = readAttachmentBytes(hub.context.db, items[0]!.id);
    expect(photo?.mime).toBe('image/jpeg');
    expect(photo?.bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]));
  });

  it('backs the files up with the database, and restores them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'grid-evidence-backup-'));
    try {
      const result = await backupDatabase(hub.context.db.raw, join(dir, 'backups'));
      const stored = new Set(filesOnDisk());
      expect(result.attachments).toBe(stored.size);
      const restored = join(dir, 'restored');
      await restoreDatabase(result.file, restored);
      const back = readdirSync(join(restored, 'attachments'), { recursive: true, withFileTypes: true }) as Array<{
        isFile(): boolean;
        name: string;
      }>;
      expect(new Set(back.filter((e) => e.isFile()).map((e) => e.name))).toEqual(stored);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000); // a backup and a restore through the CLI: ~5 s quiet, over 30 s on a loaded CI machine
});

describe('limits from resources/attachment-limits.json', () => {
  let small: TestHub;
  let token: string;
  beforeAll(async () => {
    small = await startTestHub({
      evidence: {
        limits: { ...ATTACHMENT_LIMITS, photo: { maxBytes: 30_000 }, video: { maxBytes: 5_000_000, maxSeconds: 1 } },
      },
    });
    token = await login(small, 'county.duty');
  }, 60_000);
  afterAll(async () => small.dispose());

  const send = async (bytes: Buffer, kind: string) => {
    const caseNo = (small.context.db.raw.prepare('SELECT case_no FROM cases LIMIT 1').get() as { case_no: string })
      .case_no;
    const res = await fetch(`${small.url}/api/v1/cases/${caseNo}/attachments?kind=${kind}&fileName=f`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: bytes,
    });
    return { status: res.status, body: (await res.json()) as any };
  };

  it('refuses a photo over its size and a video over its length, leaving nothing', async () => {
    const big = await send(makeImage('png', 640, 480, 1), 'photo');
    expect(big.status).toBe(413);
    expect(big.body.error).toMatchObject({ code: 'attachment_too_large', params: { limit: 0.03 } });
    const long = await send(makeVideo(3), 'video');
    expect(long.status).toBe(422);
    expect(long.body.error).toMatchObject({ code: 'video_too_long', params: { limit: 1, seconds: 3 } });
    expect(small.context.db.raw.prepare('SELECT count(*) AS n FROM case_attachments').get()).toEqual({ n: 0 });
    const root = join(small.dir, 'attachments');
    const left = existsSync(root)
      ? readdirSync(root, { recursive: true }).filter((n) => !String(n).startsWith('.tmp'))
      : [];
    expect(left).toEqual([]);
    expect(existsSync(join(root, '.tmp')) ? readdirSync(join(root, '.tmp')) : []).toEqual([]);
  });
});
