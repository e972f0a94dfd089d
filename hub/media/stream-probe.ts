/**
 * Probing a camera's stream with the gateway's own ffmpeg (there is no ffprobe in @ffmpeg-installer): `ffmpeg -i
 * <source>` with no output prints the input's streams to stderr and exits; the first video stream line gives codec,
 * resolution and frame rate. A source that does not answer within the timeout is reported unreachable. Whatever
 * ffmpeg prints about a failure is passed through redactSecrets, since it echoes the URL with its credentials.
 */
import { spawn } from 'node:child_process';
import type { CameraHealth } from '../../common/county-import.js';
import { redactSecrets } from '../logging.js';
import type { StreamSource } from './stream-source.js';

/** Under the console's 10 s wait for a hub answer, so a probe that hangs still gets its report back. */
export const PROBE_TIMEOUT_MS = 8_000;

export type ProbeOutcome = Omit<CameraHealth, 'probedAt'>;

/** The first video stream of ffmpeg's input dump, or null when it lists none. */
export function parseFfmpegInputDump(
  stderr: string,
): { codec: string; width?: number; height?: number; fps?: number } | null {
  const line = /Stream #\d+:\d+.*?: Video: ([^\n]+)/.exec(stderr)?.[1];
  if (!line) return null;
  const codec = /^([A-Za-z0-9_]+)/.exec(line)?.[1] ?? 'unknown';
  const size = /\b(\d{2,5})x(\d{2,5})\b/.exec(line);
  const fps = /([\d.]+) fps/.exec(line) ?? /([\d.]+) tbr/.exec(line);
  return {
    codec,
    ...(size ? { width: Number(size[1]), height: Number(size[2]) } : {}),
    ...(fps ? { fps: Number(fps[1]) } : {}),
  };
}

function inputArgs(source: Extract<StreamSource, { kind: 'rtsp' | 'standin-file' }>): string[] {
  return source.kind === 'rtsp'
    ? ['-rtsp_transport', 'tcp', '-stimeout', String(PROBE_TIMEOUT_MS * 1000), '-i', source.url]
    : ['-i', source.path];
}

/** Why the probe failed, in one short line without credentials. */
function failureOf(stderr: string, fallback: string): string {
  const lines = stderr
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('ffmpeg version') && !/^(built with|configuration:|lib\w+ )/.test(l));
  const last = lines.filter((l) => !/At least one output file/.test(l)).pop();
  return redactSecrets(last ?? fallback).slice(0, 300);
}

export function probeStream(
  ffmpegPath: string,
  source: Extract<StreamSource, { kind: 'rtsp' | 'standin-file' }>,
  timeoutMs = PROBE_TIMEOUT_MS,
): Promise<ProbeOutcome> {
  return new Promise((resolve) => {
    const child = spawn(ffmpegPath, ['-hide_banner', '-nostdin', ...inputArgs(source)], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let timedOut = false;
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      if (stderr.length < 64 * 1024) stderr += chunk;
    });
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    let finished = false;
    const finish = (spawnError?: Error) => {
      if (finished) return; // 'error' and 'close' may both come
      finished = true;
      clearTimeout(timer);
      const video = parseFfmpegInputDump(stderr);
      if (video) return resolve({ ok: true, ...video });
      if (spawnError) return resolve({ ok: false, error: `ffmpeg could not run: ${spawnError.message}` });
      resolve({
        ok: false,
        error: timedOut ? `no answer within ${timeoutMs / 1000} s` : failureOf(stderr, 'no video stream found'),
      });
    };
    child.on('error', finish);
    child.on('close', () => finish());
  });
}
