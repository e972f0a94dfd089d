/**
 * A real HTTP client of the hub's HTTP-FLV streams for the tests (video-live-flv, video-flv-pacer): an open
 * connection collecting what arrives and when the hub closed it, and the FLV tags read from the bytes.
 */
import { request as httpRequest, type ClientRequest } from 'node:http';
import { sleep } from './video-test-hub.js';

/** An open FLV connection: what arrived so far, and when (if) the hub closed it. */
export interface FlvConnection {
  status: number;
  readonly chunks: Buffer[];
  closedAt: number | null;
  readonly request: ClientRequest;
  bytes(): Buffer;
}

export function openFlv(url: string): Promise<FlvConnection> {
  return new Promise((resolve, reject) => {
    const conn: FlvConnection = {
      status: 0,
      chunks: [],
      closedAt: null,
      request: httpRequest(url, { localAddress: '127.0.0.1' }, (res) => {
        conn.status = res.statusCode ?? 0;
        res.on('data', (c: Buffer) => conn.chunks.push(c));
        res.on('close', () => (conn.closedAt ??= Date.now()));
        res.on('error', () => (conn.closedAt ??= Date.now()));
        resolve(conn);
      }),
      bytes: () => Buffer.concat(conn.chunks),
    };
    conn.request.on('error', (err) => (conn.status ? (conn.closedAt ??= Date.now()) : reject(err)));
    conn.request.end();
  });
}

export interface FlvTag {
  type: number;
  timestamp: number;
  keyframe: boolean;
  /** For video: 0 = AVC sequence header, 1 = a frame. */
  avcPacket: number | null;
}

/** The FLV tags after the 13-byte file header (or from `from`), whole tags only. */
export function flvTags(data: Buffer, from = 13): FlvTag[] {
  const out: FlvTag[] = [];
  for (let at = from; at + 11 <= data.length;) {
    const size = data.readUIntBE(at + 1, 3);
    if (at + 11 + size + 4 > data.length) break;
    const type = data[at]!;
    out.push({
      type,
      timestamp: data.readUIntBE(at + 4, 3) + (data[at + 7]! << 24),
      keyframe: type === 9 && data[at + 11]! >> 4 === 1,
      avcPacket: type === 9 ? data[at + 12]! : null,
    });
    at += 11 + size + 4;
  }
  return out;
}

export async function waitFor(condition: () => boolean, ms: number): Promise<boolean> {
  for (const end = Date.now() + ms; Date.now() < end; await sleep(50)) if (condition()) return true;
  return condition();
}
