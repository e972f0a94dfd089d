/**
 * The fan-out behind every HTTP-FLV stream, whatever produces its tags (an ffmpeg pipe, flv-live-stream.ts, or a
 * cached clip paced in Node, flv-clip-pacer.ts): it keeps what a viewer joining late needs to decode at once — the
 * FLV header, the metadata and AVC sequence-header tags, and the tags since the last keyframe (the current GOP) —
 * and writes every new tag to every viewer. One producer per camera and quality serves every viewer.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { joinTag } from './flv-join-tag.js';

export interface FlvViewer {
  /** Bytes for this viewer; returns false when the viewer cannot keep up (it is then dropped). */
  write(chunk: Buffer): boolean;
  /** The stream ended (its producer exited or stopped): the viewer's connection is closed. */
  end(): void;
}

/** What the gateway and the route need of a camera's FLV stream, whoever produces it. */
export interface FlvStream {
  readonly exited: boolean;
  readonly viewerCount: number;
  /** When a viewer last joined or left (ms since the epoch): the linger before stopping counts from here. */
  readonly lastViewerAt: number;
  readonly lastError: string;
  /** The producer's ffmpeg, if one runs (a paced clip has none). */
  readonly pid: number | undefined;
  ready(timeoutMs: number): Promise<boolean>;
  joinFrameAt(): number | null;
  join(viewer: FlvViewer): () => void;
  stop(): Promise<void>;
}

export const FLV_HEADER_BYTES = 9 + 4; // "FLV" header + PreviousTagSize0
export const TAG_HEADER_BYTES = 11;
/** A GOP buffered for joiners is capped: a camera without keyframes must not grow the hub's memory. */
const MAX_GOP_BYTES = 4 * 1024 * 1024;
/** A viewer this far behind (a stalled client) is cut instead of buffered for. */
export const MAX_VIEWER_BACKLOG_BYTES = 8 * 1024 * 1024;

export class FlvFanout {
  private header: Buffer | null = null;
  private metadata: Buffer | null = null;
  private videoConfig: Buffer | null = null;
  private gop: Buffer[] = [];
  private gopBytes = 0;
  private readonly viewers = new Set<FlvViewer>();
  private readonly firstKeyframe: Promise<void>;
  private keyframeSeen!: () => void;
  /** Wall-clock ms of FLV timestamp 0 (set by the producer from its first tag). */
  epochMs: number | null = null;
  ended = false;
  lastViewerAt = Date.now();

  constructor() {
    this.firstKeyframe = new Promise((resolve) => (this.keyframeSeen = resolve));
  }

  get viewerCount(): number {
    return this.viewers.size;
  }

  setHeader(header: Buffer): void {
    this.header = header;
  }

  /** Resolves true when the first keyframe arrived (a joiner can start at once), false after `timeoutMs`. */
  async ready(timeoutMs: number): Promise<boolean> {
    const ac = new AbortController();
    const late = sleep(timeoutMs, false, { signal: ac.signal }).catch(() => false);
    const result = await Promise.race([this.firstKeyframe.then(() => true), late]);
    ac.abort(); // no timer left behind per connect
    return result;
  }

  /**
   * When the first frame a joiner gets now was produced (wall-clock ms): the bench's glass-to-glass measure for FLV,
   * as EXT-X-PROGRAM-DATE-TIME is for HLS. The player's timeline starts at that frame (mpegts.js rebases to it).
   */
  joinFrameAt(): number | null {
    const first = this.gop[0];
    return this.epochMs === null || !first ? null : this.epochMs + timestampOf(first);
  }

  /** Adds a viewer, starting it at the last keyframe; returns the function that removes it. */
  join(viewer: FlvViewer): () => void {
    if (this.ended) {
      viewer.end();
      return () => undefined;
    }
    if (this.header && this.videoConfig) {
      const frameAt = this.joinFrameAt();
      const start = [
        this.header,
        ...(frameAt === null ? [] : [joinTag(frameAt)]),
        ...(this.metadata ? [this.metadata] : []),
        this.videoConfig,
        ...this.gop,
      ];
      viewer.write(Buffer.concat(start));
    }
    this.viewers.add(viewer);
    this.lastViewerAt = Date.now();
    return () => {
      if (this.viewers.delete(viewer)) this.lastViewerAt = Date.now();
    };
  }

  /** One whole tag (header, body and PreviousTagSize) from the producer. */
  tag(tag: Buffer): void {
    const type = tag[0];
    if (type === 18) {
      this.metadata = tag;
      return; // joiners get it first; viewers already playing have it
    }
    if (type !== 9) return; // video only: walls are silent
    const frameType = (tag[TAG_HEADER_BYTES] ?? 0) >> 4;
    const packetType = tag[TAG_HEADER_BYTES + 1];
    if (packetType === 0) {
      this.videoConfig = tag; // the AVC decoder configuration every joiner needs first
      this.broadcast(tag);
      return;
    }
    if (packetType !== 1) return; // an end-of-sequence marker would stop the player's decoder
    if (frameType === 1) {
      this.gop = [];
      this.gopBytes = 0;
      this.keyframeSeen();
    }
    if (this.gopBytes + tag.length <= MAX_GOP_BYTES) {
      this.gop.push(tag);
      this.gopBytes += tag.length;
    }
    this.broadcast(tag);
  }

  /** The producer ended: every viewer's connection is closed. */
  end(): void {
    if (this.ended) return;
    this.ended = true;
    for (const viewer of this.viewers) viewer.end();
    this.viewers.clear();
  }

  private broadcast(tag: Buffer): void {
    for (const viewer of this.viewers) {
      if (!viewer.write(tag)) {
        this.viewers.delete(viewer);
        viewer.end();
      }
    }
  }
}

/** An FLV tag's timestamp in ms (24 bits plus an extension byte). */
export const timestampOf = (tag: Buffer) => tag.readUIntBE(4, 3) + ((tag[7] ?? 0) << 24);

/** A copy of `tag` stamped with `ms` (the extension byte holds bits 24–31). */
export function withTimestamp(tag: Buffer, ms: number): Buffer {
  const out = Buffer.from(tag);
  out.writeUIntBE(ms & 0xffffff, 4, 3);
  out[7] = (ms >>> 24) & 0xff;
  return out;
}
