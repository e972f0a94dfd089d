/**
 * A test hub with the video wall set up for speed: tiny demo clips (cached under the OS temp dir, keyed by their
 * parameters, so they are encoded once per machine), 1-second segments, short idle timers, a clock tests can move,
 * and helpers for tickets and media requests from a chosen local address.
 */
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HubOptions } from '../../hub/server.js';
import { TEST_CLIP_SPEC } from './test-clips.js';
import type { VideoOptions } from '../../hub/video-access/video-services.js';
import { api, startTestHub, type TestHub } from './test-hub.js';

export { TEST_CLIP_SPEC };

export interface VideoTestHub extends TestHub {
  /** Moves the hub's clock (stream-token and grant expiry) forward. */
  advance(ms: number): void;
}

export async function startVideoTestHub(
  video: VideoOptions = {},
  hubOptions: Partial<HubOptions> = {},
): Promise<VideoTestHub> {
  let skew = 0;
  const hub = await startTestHub({
    ...hubOptions,
    now: () => Date.now() + skew,
    video: {
      viewIdleMs: 1000,
      ...video,
      media: {
        cacheDir: join(tmpdir(), 'grid-test-media-cache'),
        clips: TEST_CLIP_SPEC,
        idleStopMs: 1000,
        startTimeoutMs: 15_000,
        liveEncodedCameraIds: [],
        ...video.media,
      },
    },
  });
  return Object.assign(hub, { advance: (ms: number) => void (skew += ms) });
}

export async function streamTicket(
  hub: { url: string },
  token: string,
  cameraId: string,
  body: Record<string, unknown> = {},
): Promise<{ status: number; body: any }> {
  return api(hub, 'POST', `/api/v1/cameras/${cameraId}/stream`, { token, body });
}

export interface MediaResponse {
  readonly status: number;
  readonly body: Buffer;
  readonly headers: Record<string, string | string[] | undefined>;
  text(): string;
  json(): any;
}

/** GET a media URL from a given local address (127.0.0.2 plays "another machine"). */
export function getMedia(url: string, localAddress = '127.0.0.1'): Promise<MediaResponse> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, { localAddress }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const body = Buffer.concat(chunks);
        resolve({
          status: res.statusCode ?? 0,
          body,
          headers: res.headers,
          text: () => body.toString('utf8'),
          json: () => JSON.parse(body.toString('utf8')),
        });
      });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Segment URLs a playlist lists, resolved against the playlist URL. */
export function segmentUrls(playlistUrl: string, playlist: string): string[] {
  return playlist
    .split('\n')
    .filter((line) => line && !line.startsWith('#'))
    .map((uri) => new URL(uri, playlistUrl).toString());
}

export function mediaSequence(playlist: string): number {
  return Number(/#EXT-X-MEDIA-SEQUENCE:(\d+)/.exec(playlist)?.[1] ?? NaN);
}

/** MPEG-TS: 188-byte packets, each starting with the sync byte 0x47. */
export function isMpegTs(data: Buffer): boolean {
  if (data.length < 188 * 4 || data.length % 188 !== 0) return false;
  for (let i = 0; i < data.length; i += 188) if (data[i] !== 0x47) return false;
  return true;
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface MatrixCameras {
  /** In village.wall's village (so also in township 01). */
  readonly village: string;
  /** In township 01, outside village.wall's village. */
  readonly township: string;
  /** In township 02. */
  readonly neighbour: string;
  /** Sensitive, in township 01 outside village.wall's village. */
  readonly sensitive: string;
}

/** Cameras for the access matrix, picked from the seeded county by where they stand. */
export function matrixCameras(hub: TestHub): MatrixCameras {
  const db = hub.context.db.raw;
  const village = (
    db.prepare(`SELECT org_unit_code AS code FROM users WHERE username = 'village.wall'`).get() as {
      code: string;
    }
  ).code;
  const pick = (where: string, ...args: unknown[]) =>
    (db.prepare(`SELECT id FROM cameras WHERE ${where} ORDER BY code LIMIT 1`).get(...args) as { id: string }).id;
  return {
    village: pick(`sensitive = 0 AND org_unit_code LIKE ? || '%'`, village),
    township: pick(`sensitive = 0 AND org_unit_code LIKE '431099001%' AND org_unit_code NOT LIKE ? || '%'`, village),
    neighbour: pick(`sensitive = 0 AND org_unit_code LIKE '431099002%'`),
    sensitive: pick(`sensitive = 1 AND org_unit_code LIKE '431099001%' AND org_unit_code NOT LIKE ? || '%'`, village),
  };
}
