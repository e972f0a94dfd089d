/**
 * Where a console keeps its store: one file per hub it talks to, so two counties' (or a test and a real) hubs
 * never mix. The embedded demo hub listens on a new port every start, so it is named, not numbered.
 */
import { join } from 'node:path';

export function consoleStorePath(baseDir: string, hubUrl: string | null): string {
  const hub = hubUrl === null ? 'embedded' : new URL(hubUrl).host.replace(/[^A-Za-z0-9.-]/g, '_');
  return join(baseDir, 'console', hub, 'console.sqlite');
}
