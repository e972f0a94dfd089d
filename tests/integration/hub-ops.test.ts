/**
 * What a county's monitoring sees: /api/v1/ready with its checks (503 `hub_not_ready` naming the failing one),
 * Prometheus /metrics by route pattern with no token in any label, readable only from an unproxied loopback client,
 * an allowed address or with the metrics token; and scheduled backups that keep the configured number of copies.
 */
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyRequest } from 'fastify';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHubFile, pruneBackups } from '../../hub/db/backup.js';
import { mayReadMetrics } from '../../hub/http/ops-routes.js';
import { createHub } from '../../hub/server.js';
import { packageCalendarYears } from '../../node-shared/chinese-days-calendar.js';
import { api, login, startTestHub, type TestHub } from '../support/test-hub.js';

const METRICS_TOKEN = 'metrics-secret-for-tests-0123';
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const scratch = mkdtempSync(join(tmpdir(), 'grid-ops-'));
let hub: TestHub;

beforeAll(async () => {
  hub = await startTestHub({ supervisionIntervalMs: 100, metrics: { token: METRICS_TOKEN } });
}, 120_000);
afterAll(async () => {
  await hub.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

async function metricsText(headers: Record<string, string> = {}) {
  const res = await fetch(`${hub.url}/metrics`, { headers });
  return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
}
/** Whether chinese-days knows this (Beijing) year: /ready's work_calendar check says so until a year is imported. */
const calendarCoversNow = () => {
  const year = new Date(Date.now() + 8 * 3_600_000).getUTCFullYear();
  return packageCalendarYears().some((y) => y.year === year);
};
const sample = (text: string, name: string) => Number(new RegExp(`^${name} (\\S+)$`, 'm').exec(text)?.[1]);

describe('/api/v1/ready', () => {
  it('answers 200 with every check passed', async () => {
    const res = await api(hub, 'GET', '/api/v1/ready');
    expect(res.status).toBe(calendarCoversNow() ? 200 : 503);
    if (res.status === 200) expect(res.body.status).toBe('ready');
    const passed = res.status === 200 ? res.body.checks.filter((c: { ok: boolean }) => c.ok) : [];
    if (res.status === 200) {
      expect(passed.map((c: { name: string }) => c.name)).toEqual([
        'database_writable',
        'migrations_current',
        'ffmpeg',
        'work_calendar',
      ]);
    }
  });

  it('answers 503 naming work_calendar in a year nobody has imported (never all workdays in silence)', async () => {
    const dir = join(scratch, 'year-2031');
    const later = await createHub({ dbPath: join(dir, 'hub.sqlite'), now: () => Date.parse('2031-03-02T02:00:00Z') });
    try {
      const res = await api(later, 'GET', '/api/v1/ready');
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({ code: 'hub_not_ready', params: { failing: 'work_calendar' } });
      expect(res.body.error.params.work_calendar).toContain('2031');
    } finally {
      await later.close();
    }
  });

  it('answers 503 hub_not_ready naming the failing check when ffmpeg is missing', async () => {
    const dir = join(scratch, 'no-ffmpeg');
    const broken = await createHub({
      dbPath: join(dir, 'hub.sqlite'),
      video: { media: { ffmpegPath: join(dir, 'no-such-ffmpeg') } },
    });
    try {
      const res = await api(broken, 'GET', '/api/v1/ready');
      expect(res.status).toBe(503);
      expect(res.body.error).toMatchObject({
        code: 'hub_not_ready',
        message: 'not ready: ffmpeg',
        params: { failing: 'ffmpeg', ffmpeg: 'ENOENT' },
      });
      expect((await api(broken, 'GET', '/api/v1/health')).status).toBe(200); // alive, just not ready
    } finally {
      await broken.close();
    }
  });
});

describe('/metrics', () => {
  it('counts requests by route pattern and never carries a token, an id or a raw URL', async () => {
    const token = await login(hub, 'county.duty');
    await api(hub, 'GET', '/api/v1/cases/no-such-case-4711', { token });
    await fetch(`${hub.url}/media/cam-1/SECRET-STREAM-TOKEN-0815/index.m3u8`);
    await fetch(`${hub.url}/scanner/probe-9911`);
    const { status, type, text } = await metricsText();
    expect(status).toBe(200);
    expect(type).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(text).toMatch(
      /grid_hub_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/cases\/:caseId",status_code="404"\} 1/,
    );
    expect(text).toMatch(
      /grid_hub_http_request_duration_seconds_count\{method="POST",route="\/api\/v1\/auth\/login",status_code="200"\} \d+/,
    );
    expect(text).toMatch(/route="unmatched",status_code="404"/);
    for (const secret of ['SECRET-STREAM-TOKEN-0815', 'no-such-case-4711', 'probe-9911', token, METRICS_TOKEN]) {
      expect(text).not.toContain(secret);
    }
  });

  it(
    'reports write backlog, sockets, sessions, ffmpeg processes, stream viewers and supervision runs',
    { timeout: 90_000 },
    async () => {
      const token = await login(hub, 'town01.director');
      const socket = io(`${hub.url}/console`, { auth: { token }, transports: ['websocket'], reconnection: false });
      await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('connect_error', reject));
      try {
        // The first supervision pass over the demo's overdue legs takes a while; passes never overlap.
        let text = '';
        for (const until = Date.now() + 60_000; Date.now() < until; await sleep(200)) {
          text = (await metricsText()).text;
          if (sample(text, 'grid_hub_supervision_runs_total') >= 1) break;
        }
        // Supervision passes (every 100 ms) may have writes queued at the moment of the scrape.
        expect(sample(text, 'grid_hub_write_backlog')).toBeGreaterThanOrEqual(0);
        expect(sample(text, 'grid_hub_sockets')).toBe(1);
        expect(sample(text, 'grid_hub_sessions')).toBeGreaterThanOrEqual(1);
        expect(sample(text, 'grid_hub_ffmpeg_processes')).toBe(0);
        expect(sample(text, 'grid_hub_stream_viewers')).toBe(0);
        expect(sample(text, 'grid_hub_supervision_runs_total')).toBeGreaterThanOrEqual(1);
        expect(sample(text, 'grid_hub_supervisions_raised_total')).toBeGreaterThan(0); // the template has overdue legs
      } finally {
        socket.close();
      }
    },
  );

  it('refuses a proxied request from loopback unless it carries the metrics token', async () => {
    const proxied = { 'x-forwarded-for': '203.0.113.9' };
    const refused = await metricsText(proxied);
    expect(refused.status).toBe(403);
    expect(JSON.parse(refused.text).error.code).toBe('forbidden');
    expect((await metricsText({ ...proxied, authorization: 'Bearer wrong-token' })).status).toBe(403);
    expect((await metricsText({ forwarded: 'for=203.0.113.9' })).status).toBe(403);
    expect((await metricsText({ ...proxied, authorization: `Bearer ${METRICS_TOKEN}` })).status).toBe(200);
  });

  it('admits other machines only by metrics.allow or the token (the TCP peer, never a forwarded header)', () => {
    const from = (remoteAddress: string, headers: Record<string, string> = {}) =>
      ({ socket: { remoteAddress }, headers }) as unknown as FastifyRequest;
    expect(mayReadMetrics(from('10.1.2.3'), {})).toBe(false);
    expect(mayReadMetrics(from('10.1.2.3'), { allow: ['10.1.2.3'] })).toBe(true);
    expect(mayReadMetrics(from('::ffff:10.1.2.3'), { allow: ['10.1.2.3'] })).toBe(true);
    expect(mayReadMetrics(from('10.1.2.4', { 'x-forwarded-for': '10.1.2.3' }), { allow: ['10.1.2.3'] })).toBe(false);
    expect(
      mayReadMetrics(from('10.1.2.4', { authorization: `Bearer ${METRICS_TOKEN}` }), { token: METRICS_TOKEN }),
    ).toBe(true);
    expect(mayReadMetrics(from('::1'), {})).toBe(true);
  });
});

describe('scheduled backups', () => {
  it('writes whole backups on the interval and keeps the newest `keep`', async () => {
    const dir = join(scratch, 'scheduled');
    const backups = join(dir, 'backups');
    const scheduled = await createHub({
      dbPath: join(dir, 'hub.sqlite'),
      supervisionIntervalMs: 0,
      backup: { dir: backups, intervalMs: 250, keep: 2 },
    });
    try {
      await sleep(1600);
    } finally {
      await scheduled.close();
    }
    const files = readdirSync(backups);
    expect(files).toHaveLength(2);
    for (const name of files) {
      expect(name).toMatch(/^hub-\d{8}T\d{6}Z(-\d+)?\.sqlite$/);
      expect(checkHubFile(join(backups, name)).version).toBeGreaterThan(0);
    }
  });

  it('prunes by count and by age, never the newest backup, and leaves other files alone', () => {
    const dir = join(scratch, 'prune');
    mkdirSync(dir);
    const now = Date.parse('2026-12-01T00:00:00Z');
    const made = {
      'hub-20261101T000000Z.sqlite': 30,
      'hub-20261120T000000Z.sqlite': 11,
      'hub-20261125T000000Z.sqlite': 6,
    };
    for (const [name, daysOld] of Object.entries({ ...made, 'notes.txt': 40 })) {
      writeFileSync(join(dir, name), '');
      const at = (now - daysOld * 86_400_000) / 1000;
      utimesSync(join(dir, name), at, at);
    }
    const names = (paths: string[]) => paths.map((p) => p.split('/').at(-1)).sort();
    expect(names(pruneBackups(dir, 10, 10, now))).toEqual([
      'hub-20261101T000000Z.sqlite',
      'hub-20261120T000000Z.sqlite',
    ]);
    expect(pruneBackups(dir, 10, 1, now)).toEqual([]); // older than a day, but the last copy there is
    writeFileSync(join(dir, 'hub-20261130T000000Z.sqlite'), '');
    expect(names(pruneBackups(dir, 1, undefined, now))).toEqual(['hub-20261125T000000Z.sqlite']);
    expect(readdirSync(dir).sort()).toEqual(['hub-20261130T000000Z.sqlite', 'notes.txt']);
  });
});
