/**
 * The hub's log file on a real hub: requests are logged to `<dir>/hub.<date>.<n>.log`, and no secret reaches it —
 * not the password sent to log in, not the bearer token, not the stream token in a playlist URL, not an
 * idempotency key — whatever the log level.
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redactUrl } from '../../hub/logging.js';
import { api, DEMO_PASSWORD, login } from '../support/test-hub.js';
import { getMedia, matrixCameras, startVideoTestHub, streamTicket } from '../support/video-test-hub.js';

const logDir = mkdtempSync(join(tmpdir(), 'grid-hub-logs-'));
afterAll(() => rmSync(logDir, { recursive: true, force: true }));

function logText(): string {
  const files = readdirSync(logDir).filter((name) => /^hub\.\d{4}-\d{2}-\d{2}\.\d+\.log$/.test(name));
  expect(files.length).toBeGreaterThan(0);
  return files.map((name) => readFileSync(join(logDir, name), 'utf8')).join('');
}

describe('hub logging', () => {
  it('logs every request to the rolling file with no password, hub token or stream token in it', async () => {
    const hub = await startVideoTestHub({}, { log: { level: 'trace', dir: logDir, stdout: false } });
    let token: string;
    let streamUrl: string;
    try {
      token = await login(hub, 'county.duty', DEMO_PASSWORD);
      const ticket = await streamTicket(hub, token, matrixCameras(hub).village);
      expect(ticket.status).toBe(200);
      streamUrl = ticket.body.url as string;
      expect((await getMedia(streamUrl)).status).toBe(200);
      // A token in a query string (as a careless client might send it) is masked too.
      expect((await api(hub, 'GET', `/api/v1/auth/me?access_token=${token}`, { token })).status).toBe(200);
      const report = await api(hub, 'POST', '/api/v1/events', {
        token,
        headers: { 'idempotency-key': 'secret-idempotency-key-0001' },
        body: { nonsense: true },
      });
      expect(report.status).toBe(400);
    } finally {
      await hub.dispose();
    }
    const streamToken = /\/media\/[^/]+\/([^/]+)\//.exec(streamUrl)![1]!;
    const text = logText();
    expect(text).toContain('"url":"/api/v1/auth/login"');
    expect(text).toMatch(/"url":"\/media\/[^/]+\/\[redacted\]\/index\.m3u8"/);
    expect(text).toContain('access_token=[redacted]');
    for (const secret of [DEMO_PASSWORD, token, streamToken, 'secret-idempotency-key-0001']) {
      expect(secret.length).toBeGreaterThan(8);
      expect(text.includes(secret), `log contains ${secret.slice(0, 6)}…`).toBe(false);
    }
  });

  it('masks the media token and token-like query values, and leaves other URLs alone', () => {
    expect(redactUrl('/media/cam-1/eyJabc.def/seg/12.ts')).toBe('/media/cam-1/[redacted]/seg/12.ts');
    expect(redactUrl('/api/v1/x?since=3&token=abc&Sign=1&ok=2')).toBe(
      '/api/v1/x?since=3&token=[redacted]&Sign=[redacted]&ok=2',
    );
    expect(redactUrl('/api/v1/cases/board')).toBe('/api/v1/cases/board');
  });
});
