/**
 * Opens a paper (PDF) in the system's viewer, where the duty officer prints it: written to a folder of this app's
 * own under the OS temp directory (owner-only), one file per printing, old ones swept at start. No PDF is ever
 * rendered inside the console's windows (their content security policy allows no plugins).
 */
import { app, shell } from 'electron';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PaperViewer } from '../paper/hub-paper.js';

const KEEP_MS = 24 * 3600_000;

function paperFolder(): string {
  const folder = join(app.getPath('temp'), 'grid-command-paper');
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  return folder;
}

function sweep(folder: string): void {
  for (const name of readdirSync(folder)) {
    const file = join(folder, name);
    try {
      if (Date.now() - statSync(file).mtimeMs > KEEP_MS) rmSync(file, { force: true });
    } catch {
      // A file the viewer still holds open (Windows) is left for the next sweep.
    }
  }
}

export function systemPdfViewer(): PaperViewer {
  let swept = false;
  return {
    async open(pdf, fileName) {
      const folder = paperFolder();
      if (!swept) {
        sweep(folder);
        swept = true;
      }
      const safe = fileName.replace(/[/\\:*?"<>|]/g, '_');
      const file = join(folder, `${Date.now()}-${safe}`);
      writeFileSync(file, pdf, { mode: 0o600 });
      const failure = await shell.openPath(file);
      if (failure) throw new Error(`no PDF viewer could open the paper: ${failure}`);
    },
  };
}
