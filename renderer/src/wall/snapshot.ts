/**
 * A tile's picture as a PNG: the <video> frame drawn on a canvas at its native size, with a band naming the camera,
 * the time and the viewer burnt in (a snapshot leaves the console, so it carries its own watermark). hls.js feeds
 * the video through Media Source Extensions, so the canvas is never tainted and no `crossOrigin` is needed (the
 * media requests are XHRs to the hub, which answers CORS `*` on /media).
 */
import { fileStamp, formatStamp } from '../base/format.js';

export interface SnapshotMeta {
  readonly cameraId: string;
  readonly cameraName: string;
  readonly cameraCode: string;
  readonly viewer: string;
  readonly at: number;
}

export interface Snapshot {
  readonly id: string;
  readonly fileName: string;
  readonly blob: Blob;
  /** An object URL of the PNG, for downloading again and for <img>. */
  readonly url: string;
  readonly width: number;
  readonly height: number;
  readonly meta: SnapshotMeta;
}

export class SnapshotError extends Error {
  constructor(readonly code: 'no_frame' | 'unreadable') {
    super(code);
  }
}

let counter = 0;

export async function captureSnapshot(video: HTMLVideoElement, meta: SnapshotMeta): Promise<Snapshot> {
  const width = video.videoWidth;
  const height = video.videoHeight;
  if (!width || !height || video.readyState < 2) throw new SnapshotError('no_frame');
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  if (!context) throw new SnapshotError('unreadable');
  context.drawImage(video, 0, 0, width, height);
  const band = Math.max(22, Math.round(height / 18));
  context.fillStyle = 'rgba(0, 0, 0, 0.6)';
  context.fillRect(0, height - band, width, band);
  context.fillStyle = '#ffffff';
  context.font = `${Math.round(band * 0.6)}px 'PingFang SC', 'Microsoft YaHei', 'Noto Sans CJK SC', sans-serif`;
  context.textBaseline = 'middle';
  const text = `${meta.cameraName}  ${meta.cameraCode}  ${formatStamp(meta.at)}  ${meta.viewer}`;
  context.fillText(text, Math.round(band * 0.4), height - band / 2, width - band);
  let blob: Blob | null;
  try {
    blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/png'));
  } catch {
    throw new SnapshotError('unreadable'); // a tainted canvas (a stream that did not come through hls.js)
  }
  if (!blob) throw new SnapshotError('unreadable');
  return {
    id: `snap-${Date.now().toString(36)}-${++counter}`,
    fileName: `截图_${meta.cameraCode}_${fileStamp(meta.at)}.png`,
    blob,
    url: URL.createObjectURL(blob),
    width,
    height,
    meta,
  };
}

/** Hands the PNG to the browser's (or Electron's) download. */
export function downloadSnapshot(snapshot: Snapshot): void {
  const link = document.createElement('a');
  link.href = snapshot.url;
  link.download = snapshot.fileName;
  link.rel = 'noopener';
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
}

/** Keeps the current picture as the poster while a rebuilt player connects, instead of a black tile. */
export function holdFrameAsPoster(video: HTMLVideoElement): void {
  if (!video.videoWidth) return;
  try {
    const canvas = document.createElement('canvas');
    canvas.width = Math.min(640, video.videoWidth);
    canvas.height = Math.round((canvas.width * video.videoHeight) / video.videoWidth);
    canvas.getContext('2d')?.drawImage(video, 0, 0, canvas.width, canvas.height);
    video.poster = canvas.toDataURL('image/jpeg', 0.7);
  } catch {
    // An unreadable frame: the rebuild shows "connecting" instead, nothing worse.
  }
}
