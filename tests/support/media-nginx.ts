/**
 * The README's external media server, for real: Debian nginx with libnginx-mod-rtmp running
 * docs/media-servers/nginx-rtmp.conf as shipped (ports, HLS folder and hub URL filled in; pid, logs and temp paths
 * in a temp dir), plus an ffmpeg that pushes a test picture to it as a camera would.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveFfmpegPath } from '../../hub/media/ffmpeg-binary.js';
import { freePort, NGINX } from './nginx.js';

export const RTMP_MODULE = '/usr/lib/nginx/modules/ngx_rtmp_module.so';
const SHIPPED = join(import.meta.dirname, '../../docs/media-servers/nginx-rtmp.conf');

export interface MediaNginx {
  /** Where players fetch HLS: `<httpUrl>/live/<token>/<stream>/index.m3u8`. */
  readonly httpUrl: string;
  /** Where cameras push: `<rtmpUrl>/<cameraId>_<quality>`. */
  readonly rtmpUrl: string;
  /** The hub's GRID_MEDIA_EXTERNAL_URL for this server. */
  readonly urlTemplate: string;
  /** Starts an ffmpeg pushing a moving test picture as `<cameraId>_<quality>`; resolves once nginx has its playlist. */
  push(stream: string): Promise<void>;
  stop(): Promise<void>;
}

export interface MediaNginxPorts {
  readonly http: number;
  readonly rtmp: number;
}

/** Ports first: the hub's URL template names the media server before either is started. */
export async function mediaNginxPorts(): Promise<MediaNginxPorts> {
  return { http: await freePort(), rtmp: await freePort() };
}

export function mediaUrlTemplate(ports: MediaNginxPorts): string {
  return `http://127.0.0.1:${ports.http}/live/{token}/{stream}/index.m3u8`;
}

export async function startMediaNginx(hubUrl: string, ports: MediaNginxPorts): Promise<MediaNginx> {
  const dir = mkdtempSync(join(tmpdir(), 'grid-media-nginx-'));
  const hls = join(dir, 'hls');
  mkdirSync(hls);
  const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((kind) => {
    mkdirSync(join(dir, kind));
    return `${kind}_temp_path ${join(dir, kind)};`;
  });
  const config = readFileSync(SHIPPED, 'utf8')
    .replaceAll('__RTMP_LISTEN__', '127.0.0.1')
    .replaceAll('__RTMP_PORT__', String(ports.rtmp))
    .replaceAll('__PUBLISH_FROM__', '127.0.0.1')
    .replaceAll('__HTTP_LISTEN__', '127.0.0.1')
    .replaceAll('__HTTP_PORT__', String(ports.http))
    .replaceAll('__HLS_DIR__', hls)
    .replaceAll('__HUB_URL__', hubUrl)
    .replace('http {', `http {\n    access_log off;\n    ${temps.join('\n    ')}`);
  if (/__[A-Z_]+__/.test(config)) throw new Error(`unfilled placeholder in ${SHIPPED}`);
  const conf = join(dir, 'nginx.conf');
  writeFileSync(
    conf,
    `${config}\ndaemon off;\nmaster_process off;\npid ${join(dir, 'nginx.pid')};\nerror_log ${join(dir, 'error.log')} warn;\n`,
  );
  const args = ['-p', dir, '-c', conf, '-e', join(dir, 'error.log')];
  const check = spawnSync(NGINX, ['-t', ...args], { encoding: 'utf8' });
  if (check.status !== 0) throw new Error(`nginx -t failed: ${check.stderr}`);
  const nginx: ChildProcess = spawn(NGINX, args, { stdio: 'ignore' });
  const httpUrl = `http://127.0.0.1:${ports.http}`;
  const rtmpUrl = `rtmp://127.0.0.1:${ports.rtmp}/live`;
  await waitFor(10_000, 'nginx to listen', async () => {
    if (nginx.exitCode !== null) throw new Error(`nginx exited: ${readFileSync(join(dir, 'error.log'), 'utf8')}`);
    return fetch(`${httpUrl}/`).then(
      () => true,
      () => false,
    );
  });
  const ffmpegPath = await resolveFfmpegPath();
  const pushers: ChildProcess[] = [];
  return {
    httpUrl,
    rtmpUrl,
    urlTemplate: mediaUrlTemplate(ports),
    async push(stream) {
      // A camera's push: a moving test picture, a keyframe a second (one per HLS fragment), as fast as real time.
      const ffmpeg = spawn(
        ffmpegPath,
        [
          ...['-hide_banner', '-loglevel', 'error', '-re', '-f', 'lavfi', '-i', 'testsrc2=size=320x180:rate=25'],
          ...['-c:v', 'libx264', '-preset', 'ultrafast', '-tune', 'zerolatency', '-pix_fmt', 'yuv420p'],
          ...['-g', '25', '-keyint_min', '25', '-f', 'flv', `${rtmpUrl}/${stream}`],
        ],
        { stdio: 'ignore' },
      );
      pushers.push(ffmpeg);
      await waitFor(20_000, `nginx to cut HLS of ${stream}`, async () => {
        if (ffmpeg.exitCode !== null) throw new Error(`ffmpeg pushing ${stream} exited with ${ffmpeg.exitCode}`);
        const playlist = join(hls, stream, 'index.m3u8');
        return existsSync(playlist) && /\.ts/.test(readFileSync(playlist, 'utf8'));
      });
    },
    async stop() {
      for (const child of [...pushers, nginx]) {
        if (child.exitCode !== null || child.signalCode !== null) continue;
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        await exited;
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function waitFor(ms: number, what: string, ready: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}
