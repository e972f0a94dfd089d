/**
 * The script-data tag a live FLV viewer gets right after the file header: `onGridJoin { frameAt }`, when (wall-clock
 * ms) the first frame it is sent was produced. A WebSocket has no headers a page can read, so it travels in the
 * stream (over HTTP as well: one way for both), where mpegts.js hands it over as SCRIPTDATA_ARRIVED. With the
 * playhead it gives the picture's age (bench/wall-live.ts). Players ignore script tags they do not know.
 */
const SCRIPT_TAG = 18;

/** AMF0: a string (marker 2, u16 length, UTF-8). */
function amfString(value: string): Buffer {
  const bytes = Buffer.from(value, 'utf8');
  const out = Buffer.alloc(3 + bytes.length);
  out[0] = 2;
  out.writeUInt16BE(bytes.length, 1);
  bytes.copy(out, 3);
  return out;
}

/** AMF0: an object of numbers (marker 3, key/number pairs, end marker 0 0 9). */
function amfNumbers(values: Record<string, number>): Buffer {
  const parts: Buffer[] = [Buffer.from([3])];
  for (const [key, value] of Object.entries(values)) {
    const name = Buffer.from(key, 'utf8');
    const pair = Buffer.alloc(2 + name.length + 9);
    pair.writeUInt16BE(name.length, 0);
    name.copy(pair, 2);
    pair[2 + name.length] = 0; // number marker
    pair.writeDoubleBE(value, 3 + name.length);
    parts.push(pair);
  }
  parts.push(Buffer.from([0, 0, 9]));
  return Buffer.concat(parts);
}

/** A whole FLV tag (header, body, PreviousTagSize) carrying `onGridJoin { frameAt }` at timestamp 0. */
export function joinTag(frameAt: number): Buffer {
  const body = Buffer.concat([amfString('onGridJoin'), amfNumbers({ frameAt })]);
  const tag = Buffer.alloc(11 + body.length + 4);
  tag[0] = SCRIPT_TAG;
  tag.writeUIntBE(body.length, 1, 3);
  // timestamp 0 and stream id 0 (the zeroed bytes 4–10)
  body.copy(tag, 11);
  tag.writeUInt32BE(11 + body.length, 11 + body.length);
  return tag;
}
