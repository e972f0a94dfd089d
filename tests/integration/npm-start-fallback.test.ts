/**
 * `npm start` where no Electron binary can be had — the real situation on this machine: electron is installed as an
 * npm package without its binary, and the download fails. It must say why in one line, start the web console
 * instead, print its URL, and serve the console there. (Where a binary is installed, the test points Electron at an
 * empty folder so the same path runs.)
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { freePort } from '../support/hub-child.js';

const repo = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'grid-npm-start-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('starts the web console instead, says why in one line, and serves the console at the URL it prints', async () => {
  copyFileSync(inject('templateDbPath'), join(dir, 'hub.sqlite'));
  const port = await freePort();
  const hasBinary = existsSync(join(repo, 'node_modules', 'electron', 'path.txt'));
  const child = spawn('npm', ['start'], {
    cwd: repo,
    detached: true, // its own process group: npm, node and the web host are stopped together below
    stdio: ['ignore', 'pipe', 'pipe'],
    env: {
      ...process.env,
      GRID_DATA_DIR: dir,
      GRID_WEB_PORT: String(port),
      GRID_SIMULATE: '0',
      GRID_LOG_DIR: 'off',
      GRID_LOG_LEVEL: 'warn',
      ...(hasBinary ? { ELECTRON_OVERRIDE_DIST_PATH: join(dir, 'no-electron-here') } : {}),
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setInterval(() => {
        const match = /Grid Command web console: (http:\/\/\S+)/.exec(stdout);
        if (match) resolve(match[1]!);
      }, 100);
      child.once('exit', (code) => {
        clearInterval(timer);
        reject(new Error(`npm start exited (${code}): ${stdout}\n${stderr}`));
      });
    });
    expect(url).toBe(`http://127.0.0.1:${port}`);
    const why = stderr.split('\n').filter((line) => /No Electron binary/.test(line));
    expect(why).toEqual([
      'No Electron binary is available on this machine (it could not be downloaded): starting the web console instead; open the URL below in a browser.',
    ]);
    const page = await fetch(url);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<div id="root"></div>');
  } finally {
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await new Promise((resolve) => (child.exitCode === null ? child.once('exit', resolve) : resolve(null)));
  }
}, 240_000);
