/**
 * Secrets never reach a log line: a hub logging at debug level to a captured stream plays a camera (ticket, playlist,
 * segments), is asked for media with a token in the query and in a malformed path, and hears a bearer token; then
 * no line holds the stream token, the session token or a camera's credentials.
 */
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { redactSecrets } from '../../hub/logging.js';
import { api, login } from '../support/test-hub.js';
import {
  getMedia,
  matrixCameras,
  segmentUrls,
  startVideoTestHub,
  streamTicket,
  type VideoTestHub,
} from '../support/video-test-hub.js';

const lines: string[] = [];
const stream = new Writable({
  write(chunk: Buffer, _encoding, done) {
    lines.push(...chunk.toString().split('\n').filter(Boolean));
    done();
  },
});
let hub: VideoTestHub;

beforeAll(async () => {
  hub = await startVideoTestHub({}, { log: { level: 'debug', stream, stdout: false } });
});
afterAll(() => hub.dispose());

describe('hub logs at debug level', () => {
  it('hold no stream token, session token or credential after a camera is played', async () => {
    const session = await login(hub, 'county.duty');
    const camera = matrixCameras(hub).township;
    const ticket = await streamTicket(hub, session, camera);
    expect(ticket.status).toBe(200);
    const url = new URL(ticket.body.url as string);
    const streamToken = url.pathname.split('/')[3]!;
    expect(streamToken.length).toBeGreaterThan(20);
    const playlist = await getMedia(url.href);
    expect(playlist.status).toBe(200);
    for (const segment of segmentUrls(url.href, playlist.text()).slice(-2)) {
      expect((await getMedia(segment)).status).toBe(200);
    }
    // Tokens where a client might put them by mistake: the query string, a malformed media path, a bad header.
    await getMedia(`${hub.url}/media/${camera}/index.m3u8?token=${streamToken}`);
    await getMedia(`${hub.url}/media/${camera}/${streamToken}/../../etc/passwd`);
    await api(hub, 'GET', `/api/v1/nowhere?access_token=${session}`);
    await api(hub, 'GET', '/api/v1/auth/me', { headers: { authorization: `Bearer ${session}x` } });

    expect(lines.some((line) => line.includes('/media/'))).toBe(true); // the requests were logged
    const leaks = lines.filter((line) => line.includes(streamToken) || line.includes(session));
    expect(leaks).toEqual([]);
  });

  it('redacts the forms a secret takes in a URL or message', () => {
    expect(redactSecrets('/media/cam-1/eyJhbGciOi.abc/index.m3u8')).toBe('/media/cam-1/[redacted]/index.m3u8');
    expect(redactSecrets('/x?a=1&token=abc&b=2')).toBe('/x?a=1&token=[redacted]&b=2');
    expect(redactSecrets('rtsp://admin:s3cret@10.0.0.7:554/ch1')).toBe('rtsp://[credentials]@10.0.0.7:554/ch1');
    expect(redactSecrets('Authorization: Bearer abc.def')).toBe('Authorization: Bearer [redacted]');
  });
});
