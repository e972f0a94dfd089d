/**
 * Serves the built renderer, for the web host's static route and Electron's `gridcommand:` protocol alike. Paths are
 * resolved inside the root and anything that would leave it is a 404: `..`, encoded slashes and dots, absolute paths,
 * NUL bytes, and symbolic links (inside the root) that point outside it.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import { extname, resolve, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
};

export interface StaticFile {
  readonly body: Buffer;
  readonly contentType: string;
}

const inside = (dir: string, full: string): boolean => full === dir || full.startsWith(dir + sep);

export async function readStaticFile(root: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath.split('?')[0] ?? '/');
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const rootDir = resolve(root);
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const full = resolve(rootDir, relative);
  if (!inside(rootDir, full)) return null;
  try {
    // A link inside the root may point anywhere: the file actually read must lie inside the root's real path too.
    const [realRoot, realFull] = await Promise.all([realpath(rootDir), realpath(full)]);
    if (!inside(realRoot, realFull) || !(await stat(realFull)).isFile()) return null;
    return { body: await readFile(realFull), contentType: TYPES[extname(full)] ?? 'application/octet-stream' };
  } catch {
    return null;
  }
}
