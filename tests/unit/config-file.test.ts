/**
 * grid-hub.json: every key is one GRID_* variable; a variable that is set wins; unknown keys and bad values stop the
 * start naming the key's JSON path and the expected form; relative paths are the file's; the shipped example is
 * valid and docs/operations.md documents every key.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CONFIG_KEYS, readConfigFile, takeConfigFlag } from '../../hub/config-file.js';
import { hubConfigFromEnv } from '../../hub/config.js';

const root = new URL('../..', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'grid-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(content: unknown, name = 'grid-hub.json'): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}
const DEFAULTS = { dataDir: '.grid-data', port: 7300 };

describe('grid-hub.json', () => {
  it('sets the hub’s settings, with relative paths taken from the file’s folder', () => {
    const path = file({
      port: 7411,
      demo: false,
      dataDir: 'county-data',
      tokenTtlHours: 8,
      log: { level: 'warn', dir: null, keepFiles: 30 },
      media: { mode: 'embedded', cacheDir: '/srv/media', ffmpeg: 'bin/ffmpeg' },
      metrics: { allow: ['10.0.0.5', '10.0.0.6'], token: 'a-long-enough-metrics-secret' },
      backup: { intervalHours: 6, keep: 3, maxAgeDays: 10 },
    });
    const config = hubConfigFromEnv({ GRID_CONFIG: path }, DEFAULTS);
    expect(config).toMatchObject({
      port: 7411,
      demo: false,
      simulate: false,
      dataDir: join(dir, 'county-data'),
      dbPath: join(dir, 'county-data', 'hub.sqlite'),
      tokenTtlMs: 8 * 3600_000,
      log: { level: 'warn', dir: null, keepFiles: 30 },
      metrics: { allow: ['10.0.0.5', '10.0.0.6'], token: 'a-long-enough-metrics-secret' },
      backup: { dir: join(dir, 'county-data', 'backups'), intervalMs: 6 * 3600_000, keep: 3, maxAgeDays: 10 },
      video: { media: { cacheDir: '/srv/media', ffmpegPath: join(dir, 'bin/ffmpeg') } },
    });
  });

  it('is overridden by any environment variable that is set', () => {
    const path = file({ port: 7411, demo: false, log: { level: 'warn' } });
    const config = hubConfigFromEnv({ GRID_CONFIG: path, GRID_HUB_PORT: '7999', GRID_DEMO: '1' }, DEFAULTS);
    expect(config.port).toBe(7999);
    expect(config.demo).toBe(true);
    expect(config.log.level).toBe('warn');
  });

  it('refuses unknown keys, naming each with its JSON path', () => {
    const path = file({ port: 1, prot: 2, backup: { keep: 2, kep: 3 } });
    expect(() => hubConfigFromEnv({ GRID_CONFIG: path }, DEFAULTS)).toThrow(
      `${path}: unknown key "backup.kep"; unknown key "prot"`,
    );
  });

  it.each([
    [{ port: 70000 }, '"port" must be a port number 0–65535'],
    [{ port: '7300' }, '"port" must be a port number 0–65535'],
    [{ demo: 'no' }, '"demo" must be true or false'],
    [{ log: { level: 'loud' } }, '"log.level" must be one of fatal, error, warn, info, debug, trace, silent'],
    [{ media: { mode: 'mediamtx' } }, '"media.mode" must be "embedded"'],
    [{ backup: { keep: 0 } }, '"backup.keep" must be a whole number ≥ 1'],
    [{ metrics: { token: 'short' } }, '"metrics.token" must be a secret of ≥ 16 characters'],
    [{ publicUrl: 'grid.example' }, '"publicUrl" must be an http(s) URL'],
    [{ trustedProxies: '127.0.0.1' }, '"trustedProxies" must be a list of proxy addresses or CIDRs'],
    [{ backup: 3 }, '"backup": '],
  ])('refuses a bad value, naming the key and the expected form: %j', (content, message) => {
    expect(() => readConfigFile(file(content))).toThrow(message);
  });

  it('says when the file is missing or not JSON', () => {
    expect(() => readConfigFile(join(dir, 'absent.json'))).toThrow(/cannot be read: ENOENT/);
    expect(() => readConfigFile(file('{ "port": 7300, }'))).toThrow(/is not JSON/);
  });

  it('names the variable when an environment value is wrong', () => {
    expect(() => hubConfigFromEnv({ GRID_HUB_PORT: 'x' }, DEFAULTS)).toThrow('GRID_HUB_PORT must be a port number');
    expect(() => hubConfigFromEnv({ GRID_BACKUP_KEEP: '0' }, DEFAULTS)).toThrow('GRID_BACKUP_KEEP must be');
    expect(() => hubConfigFromEnv({ GRID_MEDIA_MODE: 'x' }, DEFAULTS)).toThrow('GRID_MEDIA_MODE must be "embedded"');
  });

  it('is chosen by --config anywhere on the command line, which wins over GRID_CONFIG', () => {
    expect(takeConfigFlag(['backup', '--config', 'a.json', '--to', 'x'], { GRID_CONFIG: 'b.json' })).toEqual({
      args: ['backup', '--to', 'x'],
      env: { GRID_CONFIG: join(process.cwd(), 'a.json') },
    });
    expect(takeConfigFlag(['--config=c.json'], {}).env.GRID_CONFIG).toBe(join(process.cwd(), 'c.json'));
    expect(() => takeConfigFlag(['--config'], {})).toThrow('--config needs a file path');
  });

  it('ships a valid example, and docs/operations.md documents every key and its variable', () => {
    expect(() => readConfigFile(join(root, 'grid-hub.example.json'))).not.toThrow();
    const docs = readFileSync(join(root, 'docs/operations.md'), 'utf8');
    const undocumented = CONFIG_KEYS.filter((row) => !docs.includes(`\`${row.key}\``) || !docs.includes(row.env));
    expect(undocumented.map((row) => row.key)).toEqual([]);
    expect(new Set(CONFIG_KEYS.map((row) => row.env)).size).toBe(CONFIG_KEYS.length);
  });
});
