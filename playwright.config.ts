/**
 * End-to-end tests drive the real UI against the real console service and hub. By default they run in Debian's
 * Chromium against the web host (`npm run web`'s code path); where an Electron binary exists, GRID_E2E_HOST=electron
 * runs the same suite in the app (see tests/e2e/fixtures.ts).
 */
import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HOST } from './tests/e2e/host.js';

const port = Number(process.env.GRID_E2E_PORT ?? 5181);
// A fresh county per run: the web host seeds it on first start, exactly as on a newcomer's machine.
const dataDir = process.env.GRID_E2E_DATA_DIR ?? mkdtempSync(join(tmpdir(), 'grid-e2e-'));
process.env.GRID_E2E_DATA_DIR = dataDir;

/** The demo county's first camera (seeded deterministically): fixed, not sensitive, in township 01 (城关镇). */
export const E2E_RECORDED_CAMERA = 'cam-0001';

function recordingEnv(cameras: string): Record<string, string> {
  return cameras ? { GRID_RECORDING: 'on', GRID_RECORDING_CAMERAS: cameras } : {};
}

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];

export default defineConfig({
  testDir: 'tests/e2e',
  // Specs that need what only the browser host allows (cutting a console's push stream).
  testIgnore: HOST === 'electron' ? ['**/*.web-only.spec.ts'] : [],
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 15_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: { executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS },
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    viewport: { width: 1600, height: 960 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx tsx main/web-host/cli.ts',
    url: `http://127.0.0.1:${port}/`,
    env: {
      GRID_WEB_PORT: String(port),
      GRID_DATA_DIR: dataDir,
      GRID_DEMO: '1',
      // No simulated camera outages: a wall test's tile must not go offline by chance (the offline state has its own test).
      GRID_SIMULATE_OUTAGES: '0',
      // Warnings and errors only: the embedded hub's per-request lines would bury the test output.
      GRID_LOG_LEVEL: 'warn',
      // The demo clips are encoded once per machine (~60 s of one core), not once per run: the wall tests play them.
      GRID_MEDIA_CACHE: process.env.GRID_MEDIA_CACHE ?? join(tmpdir(), 'grid-e2e-media-cache'),
      // One demo camera records all run long (one small ffmpeg) so wall-playback.spec.ts has footage to play back;
      // GRID_E2E_RECORDING_CAMERAS='' turns recording off for a run that does not need it.
      ...recordingEnv(process.env.GRID_E2E_RECORDING_CAMERAS ?? E2E_RECORDED_CAMERA),
    },
    reuseExistingServer: false,
    // First start seeds the demo county with its history from 2015 to today (~250,000 cases): ~1 min on an idle
    // 2-core machine, several when the machine is shared.
    timeout: 420_000,
    stdout: 'pipe',
  },
});
