/**
 * `npm run screens`: screenshots of each view at 1920×1080 in zh-CN and English into docs/screens/, from a fresh
 * demo county on the web host (own port and data directory) in Debian's Chromium. Rerun after a UI change; the
 * README's gallery links the files by name. Also prints the board's fully visible cards, full and compact.
 *
 * Env: GRID_SCREENS_PORT (default 5298), CHROMIUM_PATH (default /usr/bin/chromium), GRID_MEDIA_CACHE (demo clips,
 * shared with the e2e runs). Needs `npm run build:renderer` first (the script says so if it is missing).
 */
/* eslint-disable @typescript-eslint/no-explicit-any -- page.evaluate bodies run in the browser; this file is type-checked against Node. */
import { chromium, type Browser, type Page } from '@playwright/test';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const port = Number(process.env.GRID_SCREENS_PORT ?? 5298);
const base = `http://127.0.0.1:${port}`;
const outDir = join(process.cwd(), 'docs', 'screens');
const PASSWORD = 'Demo@2026';
const LANGUAGES = ['zh-CN', 'en'] as const;

/** Each view, as the role whose main work it is would see it. */
const SHOTS = [
  { name: 'dispatch', user: 'county.duty', view: 'dispatch' },
  { name: 'wall', user: 'county.wall', view: 'wall' },
  { name: 'map', user: 'county.duty', view: 'map' },
  { name: 'kpi', user: 'county.duty', view: 'kpi' },
  { name: 'audit', user: 'county.duty', view: 'audit' },
  { name: 'admin', user: 'admin', view: 'admin' },
] as const;

async function waitForHost(deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(base)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  throw new Error(`the web host did not answer on ${base}`);
}

async function signIn(browser: Browser, user: string, language: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    locale: language,
    timezoneId: 'Asia/Shanghai',
  });
  const page = await context.newPage();
  await page.goto(base);
  await page.getByTestId('login-username').fill(user);
  await page.getByTestId('login-password').fill(PASSWORD);
  await page.getByTestId('login-submit').click();
  await page.getByTestId('header-user').waitFor();
  const current = await page.evaluate(() => (globalThis as any).document.documentElement.lang as string);
  if (!current.startsWith(language.slice(0, 2))) await page.getByTestId('lang-switch').click();
  await page.waitForFunction(
    (lang) => ((globalThis as any).document.documentElement.lang as string).startsWith(lang),
    language.slice(0, 2),
  );
  return page;
}

/** Waits for what each view loads, so the picture shows data, not spinners. */
async function settle(page: Page, view: string): Promise<void> {
  if (view === 'dispatch') await page.getByTestId('case-card').first().waitFor({ timeout: 60_000 });
  if (view === 'map') {
    await page.waitForFunction(
      () =>
        Number(
          (globalThis as any).document.querySelector('[data-testid="map-canvas"]')?.getAttribute('data-events') ?? 0,
        ) > 0,
      undefined,
      { timeout: 90_000 },
    );
  }
  if (view === 'wall') {
    // Nine cameras of one township on the 9-tile wall: what a wall operator's screen usually holds.
    await page.getByTestId('layout-9').click();
    await page.getByTestId('camera-search').locator('input').fill('城关镇');
    const nodes = page.getByTestId('camera-node');
    await nodes.first().waitFor();
    for (let i = 0; i < 8; i++) await nodes.nth(i).dblclick();
  }
  await page.waitForTimeout(view === 'wall' ? 12_000 : 4_000);
}

/** Cards wholly inside their column's visible body. */
function fullyVisibleCards(page: Page): Promise<number> {
  return page.evaluate(() => {
    // Runs in the page; this file is type-checked against Node.
    const document = (globalThis as any).document;
    let count = 0;
    for (const body of document.querySelectorAll('.board-column-body')) {
      const box = body.getBoundingClientRect();
      for (const card of body.querySelectorAll('[data-testid="case-card"]')) {
        const r = card.getBoundingClientRect();
        if (r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5) count += 1;
      }
    }
    return count;
  });
}

async function main(): Promise<void> {
  if (!existsSync('out/renderer/index.html')) throw new Error('run `npm run build:renderer` first');
  mkdirSync(outDir, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'grid-screens-'));
  const host = spawn('npx', ['tsx', 'main/web-host/cli.ts'], {
    env: {
      ...process.env,
      GRID_WEB_PORT: String(port),
      GRID_DATA_DIR: dataDir,
      GRID_DEMO: '1',
      GRID_SIMULATE_OUTAGES: '0',
      GRID_LOG_LEVEL: 'warn',
      GRID_MEDIA_CACHE: process.env.GRID_MEDIA_CACHE ?? join(tmpdir(), 'grid-e2e-media-cache'),
    },
    stdio: ['ignore', 'inherit', 'inherit'],
    detached: true,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--autoplay-policy=no-user-gesture-required'],
  });
  try {
    await waitForHost(Date.now() + 180_000);
    for (const language of LANGUAGES) {
      for (const shot of SHOTS) {
        const page = await signIn(browser, shot.user, language);
        await page.evaluate((view) => ((globalThis as any).location.hash = `#/${view}`), shot.view);
        await settle(page, shot.view);
        await page.mouse.move(960, 1079); // no tooltip in the picture
        await page.waitForTimeout(500);
        const file = join(outDir, `${shot.name}-${language}.png`);
        await page.screenshot({ path: file });
        console.log(`wrote ${file}`);
        if (shot.view === 'dispatch') {
          const full = await fullyVisibleCards(page);
          await page.getByTestId('density-compact').click();
          await page.mouse.move(960, 1079);
          await page.waitForTimeout(1000);
          const compact = await fullyVisibleCards(page);
          console.log(`board at 1920×1080 (${language}): ${full} cards fully visible, ${compact} compact`);
          await page.screenshot({ path: join(outDir, `dispatch-compact-${language}.png`) });
        }
        await page.context().close();
      }
    }
  } finally {
    await browser.close();
    // The host and the demo simulator it started: this script's own process group.
    if (host.pid) process.kill(-host.pid, 'SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
