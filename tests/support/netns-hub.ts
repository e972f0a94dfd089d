/**
 * The county hub for the multi-host suite and bench, run inside the hub's namespace: GRID_DATA_DIR/hub.sqlite must
 * already hold the demo county (copied by the caller), listening on 0.0.0.0:GRID_HUB_PORT, tiny demo clips (the
 * vitest suite's cache), no simulators. Prints "ready <url>" when it listens; stops on SIGTERM.
 */
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { createHub } from '../../hub/server.js';
import { TEST_CLIP_SPEC } from './test-clips.js';

const dataDir = process.env.GRID_DATA_DIR!;
const hub = await createHub({
  dbPath: join(dataDir, 'hub.sqlite'),
  demo: true,
  host: '0.0.0.0',
  port: Number(process.env.GRID_HUB_PORT ?? 7300),
  supervisionIntervalMs: 0,
  video: {
    media: {
      cacheDir: join(tmpdir(), 'grid-test-media-cache'),
      clips: TEST_CLIP_SPEC,
      liveEncodedCameraIds: [],
    },
  },
});
console.log(`ready ${hub.url}`);
process.once('SIGTERM', () => void hub.close().then(() => process.exit(0)));
