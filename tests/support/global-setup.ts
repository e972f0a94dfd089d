/**
 * Seeds the demo county once per run into a template database through the hub's own first-start path; each test
 * hub then starts from a copy of it, so tests stay independent without re-seeding every time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { createHub } from '../../hub/server.js';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDbPath: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(join(tmpdir(), 'grid-template-'));
  const templateDbPath = join(dir, 'template.sqlite');
  const hub = await createHub({ dbPath: templateDbPath, demo: true });
  await hub.close();
  project.provide('templateDbPath', templateDbPath);
  return () => rmSync(dir, { recursive: true, force: true });
}
