/**
 * Real clients of the hub's live FLV streams for the tests (video-live-flv, video-flv-pacer), over HTTP and over a
 * WebSocket (what the wall's tiles use): an open connection collecting what arrives and when the hub closed it, and
 * the FLV tags read from the bytes.
 */
import { request as httpRequest } from 'node:http';
import WebSocket from 'ws';
import { sleep } from './video-test-hub.js';

export type FlvCarrier = 'http' | 'websocket';

/** An open FLV connection: what arrived so far, and when (if) the hub closed it. */
export interface FlvConnection {
  /** The HTTP status: 200 for a stream over HTTP, 101 for a WebSocket, or the refusal's status. */
  status: number;
  readonly chunks: Buffer[];
  closedAt: number | null;
  bytes(): Buffer;
  /** The viewer leaves (closes its end). */
  close(): void;
}

/** Opens the stream at `url` (the http:// live.flv URL of a ticket) over `carrier`, from `localAddress`. */
export function openFlv(url: string, carrier: FlvCarrier = 'http', localAddress = '127.0.0.1'): Promise<FlvConnection> {
  return carrier === 'http' ? openHttpFlv(url, localAddress) : openSocketFlv(url.replace(/^http/, 'ws'), localAddress);
}

function openHttpFlv(url: string, localAddress: string): Promise<FlvConnection> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { localAddress }, (res) => {
      conn.status = res.statusCode ?? 0;
      res.on('data', (c: Buffer) => conn.chunks.push(c));
      res.on('close', () => (conn.closedAt ??= Date.now()));
      res.on('error', () => (conn.closedAt ??= Date.now()));
      resolve(conn);
    });
    const conn: FlvConnection = {
      status: 0,
      chunks: [],
      closedAt: null,
      bytes: () => Buffer.concat(conn.chunks),
      close: () => request.destroy(),
    };
    request.on('error', (err) => (conn.status ? (conn.closedAt ??= Date.now()) : reject(err)));
    request.end();
  });
}

function openSocketFlv(url: string, localAddress: string): Promise<FlvConnection> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { localAddress, perMessageDeflate: false });
    const conn: FlvConnection = {
      status: 0,
      chunks: [],
      closedAt: null,
      bytes: () => Buffer.concat(conn.chunks),
      close: () => ws.terminate(),
    };
    ws.on('message', (data: Buffer, isBinary: boolean) => isBinary && conn.chunks.push(data));
    ws.on('open', () => {
      conn.status = 101;
      resolve(conn);
    });
    ws.on('close', () => (conn.closedAt ??= Date.now()));
    // A refused stream answers the upgrade with a plain HTTP status, as a refused HTTP request would.
    ws.on('unexpected-response', (req, res) => {
      conn.status = res.statusCode ?? 0;
      conn.closedAt = Date.now();
      req.destroy();
      resolve(conn);
    });
    ws.on('error', (err) => (conn.status ? (conn.closedAt ??= Date.now()) : reject(err)));
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
