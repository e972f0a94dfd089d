/** A copy of the seeded demo database and a recordings folder, for recorder tests (real SQLite, real ffmpeg). */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { HubDatabase } from '../../hub/db/database.js';
import { sql } from '../../hub/db/sql.js';
import { resolveFfmpegPath } from '../../hub/media/ffmpeg-binary.js';
import { Recorder, type RecorderOptions } from '../../hub/recording/recorder.js';

export interface RecordingFixture {
  readonly dir: string;
  readonly root: string;
  readonly db: HubDatabase;
  readonly logs: string[];
  /** Demo cameras (clock-drawing live encode) in code order. */
  readonly demoCameras: string[];
  recorder(options?: Partial<RecorderOptions>, now?: () => number): Recorder;
  dispose(): void;
}

export function openRecordingFixture(): RecordingFixture {
  const dir = mkdtempSync(join(tmpdir(), 'grid-rec-'));
  copyFileSync(inject('templateDbPath'), join(dir, 'hub.sqlite'));
  const db = new HubDatabase(join(dir, 'hub.sqlite'));
  const root = join(dir, 'recordings');
  const logs: string[] = [];
  const note = (obj: unknown, msg?: string) => void logs.push(`${msg ?? ''} ${JSON.stringify(obj)}`);
  const log = { info: note, warn: note, error: note } as never;
  const demoCameras = db
    .all<{ id: string }>(sql`SELECT id FROM cameras WHERE main_stream LIKE 'demo:%' ORDER BY code LIMIT 4`)
    .map((r) => r.id);
  return {
    dir,
    root,
    db,
    logs,
    demoCameras,
    recorder: (options = {}, now = Date.now) =>
      new Recorder(
        { db, now, log },
        {
          root,
          ffmpegPath: () => resolveFfmpegPath(),
          segmentSeconds: 1,
          retentionDays: 7,
          quotaBytes: 0,
          maxCameras: 2,
          demoRendition: { width: 160, height: 96, kbps: 150 },
          demoFps: 10,
          pollMs: 200,
          tickMs: 3_600_000,
          ...options,
        },
      ),
    dispose() {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
