/**
 * "External media" mode: the wall plays from a media server the county runs (nginx-rtmp, MediaMTX, ZLMediaKit)
 * instead of the hub's own `/media`. The hub still issues every stream ticket; the ticket's URL is built from one
 * template, and the media server asks the hub's authorize endpoint on every request or connection (README, "An
 * external media server").
 *
 * The template names where the token and the stream go, e.g. `http://media:8088/live/{token}/{stream}/index.m3u8`
 * ({stream} = `<camera>_<quality>`, or {camera} and {quality} apart). The same template tells the nginx hook how to
 * read a request back: everything up to the last placeholder is matched against the request's path, so a segment
 * beside the playlist (`…/{stream}/3.ts`) is recognised as the same stream. A token in the path is what nginx-rtmp
 * needs: the playlist's segment URIs are relative, so they carry the path but drop a query string.
 */
import { STREAM_QUALITIES, type StreamQuality } from '../../common/video-schemas.js';

const PLACEHOLDERS = {
  token: '[A-Za-z0-9_.-]{20,4200}',
  camera: '[A-Za-z0-9_-]{1,64}',
  quality: STREAM_QUALITIES.join('|'),
  stream: `[A-Za-z0-9_-]{1,64}_(?:${STREAM_QUALITIES.join('|')})`,
} as const;
type Placeholder = keyof typeof PLACEHOLDERS;

export interface ExternalMedia {
  readonly urlTemplate: string;
}

export interface ExternalStreamRequest {
  readonly token: string;
  readonly cameraId: string;
  readonly quality?: StreamQuality;
}

const PLACEHOLDER = /\{(token|camera|quality|stream)\}/g;

/** A usable template or an error naming what is wrong with it (config is checked at start, not at the first play). */
export function checkExternalMediaTemplate(template: string): string {
  const names = [...template.matchAll(PLACEHOLDER)].map((m) => m[1] as Placeholder);
  if (!names.includes('token')) throw new Error('the external media URL must contain {token}');
  if (!names.includes('stream') && !names.includes('camera')) {
    throw new Error('the external media URL must contain {stream} or {camera}');
  }
  if (new Set(names).size !== names.length) throw new Error('the external media URL names a placeholder twice');
  let url: URL;
  try {
    url = new URL(template.replace(PLACEHOLDER, 'x'));
  } catch {
    throw new Error(`the external media URL is not a URL: ${template}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('the external media URL must be http(s)');
  return template;
}

/** The URL a ticket hands the console. */
export function externalStreamUrl(template: string, token: string, cameraId: string, quality: StreamQuality): string {
  const values: Record<Placeholder, string> = {
    token,
    camera: encodeURIComponent(cameraId),
    quality,
    stream: `${encodeURIComponent(cameraId)}_${quality}`,
  };
  return template.replace(PLACEHOLDER, (_, name: Placeholder) => values[name]);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Reads token, camera and quality back from a request path the media server forwarded (nginx's `$request_uri`):
 * the template's path up to its last placeholder, then anything (the playlist or a segment). Null: not a stream path.
 */
export function externalPathMatcher(template: string): (requestPath: string) => ExternalStreamRequest | null {
  const path = new URL(template.replace(PLACEHOLDER, (m) => `__${m.slice(1, -1)}__`)).pathname;
  const marked = path.replace(/__(token|camera|quality|stream)__/g, '{$1}');
  const lastEnd = [...marked.matchAll(PLACEHOLDER)].at(-1);
  const head = lastEnd ? marked.slice(0, lastEnd.index + lastEnd[0].length) : marked;
  const source = head
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 === 1 ? `(?<${part}>${PLACEHOLDERS[part as Placeholder]})` : escapeRegExp(part)))
    .join('');
  const pattern = new RegExp(`^${source}(?:/[^?#]*)?(?:[?#].*)?$`);
  return (requestPath) => {
    const groups = pattern.exec(requestPath)?.groups;
    if (!groups?.token) return null;
    if (groups.stream) {
      const quality = STREAM_QUALITIES.find((q) => groups.stream!.endsWith(`_${q}`))!;
      return { token: groups.token, cameraId: groups.stream.slice(0, -quality.length - 1), quality };
    }
    if (!groups.camera) return null;
    return {
      token: groups.token,
      cameraId: groups.camera,
      ...(groups.quality ? { quality: groups.quality as StreamQuality } : {}),
    };
  };
}
