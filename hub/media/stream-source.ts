/**
 * What a camera's stream source string means to the gateway.
 *
 * - `demo:clip/<k>?q=main|sub` — a demo camera: served from the cached clips, or encoded live (with a clock) when
 *   the camera is one of the gateway's `liveEncodedCameraIds`.
 * - `rtsp://…`, `rtsps://…` — a real camera: pulled over RTSP/TCP and remuxed (`-c copy`) to HLS on demand.
 * - `standin-file:<absolute path>` — a local media file played in real time and looped, standing in for an RTSP
 *   camera where no RTSP server exists (tests). It runs the same remux path; the hub refuses it unless the gateway
 *   was started with `allowFileSources`, so a database row can never make the hub read arbitrary files.
 */
import { isAbsolute } from 'node:path';

export type StreamSource =
  | { kind: 'demo'; pattern: number }
  | { kind: 'rtsp'; url: string }
  | { kind: 'standin-file'; path: string }
  | { kind: 'unsupported'; scheme: string };

export function parseStreamSource(source: string): StreamSource {
  const demo = /^demo:clip\/(\d+)(\?.*)?$/.exec(source);
  if (demo) return { kind: 'demo', pattern: Number(demo[1]) };
  if (/^rtsps?:\/\//i.test(source)) return { kind: 'rtsp', url: source };
  if (source.startsWith('standin-file:')) {
    const path = source.slice('standin-file:'.length);
    if (isAbsolute(path)) return { kind: 'standin-file', path };
  }
  return { kind: 'unsupported', scheme: source.split(':')[0] ?? '' };
}

/** ffmpeg input + codec arguments that remux a pulled stream without re-encoding (video only: walls are silent). */
export function remuxArgs(source: { kind: 'rtsp'; url: string } | { kind: 'standin-file'; path: string }): string[] {
  const input =
    source.kind === 'rtsp'
      ? // -stimeout (µs) bounds the connect/read wait of the 2018 static ffmpeg shipped by @ffmpeg-installer.
        ['-rtsp_transport', 'tcp', '-stimeout', '5000000', '-i', source.url]
      : ['-re', '-stream_loop', '-1', '-i', source.path];
  return [...input, '-map', '0:v:0', '-c', 'copy', '-an'];
}
