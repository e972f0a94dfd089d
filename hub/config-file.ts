/**
 * `grid-hub.json`: the hub's settings in one file (path by `--config <file>` or GRID_CONFIG). Every key of the file is
 * exactly one environment variable — the table below is the only mapping — so an operator can move a setting between
 * the file and the service's environment without learning two names, and an environment variable that is set always
 * wins over the file. Unknown keys and wrong values stop the start with the key's JSON path and the expected form.
 */
import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { z } from 'zod';

type Value = string | number | boolean | readonly string[] | null;

export interface ConfigKey {
  /** Dotted path in the file ("backup.keep"). */
  readonly key: string;
  /** The environment variable it stands for; set, the variable wins. */
  readonly env: string;
  readonly schema: z.ZodType<Value>;
  /** What a valid value looks like, for the error message and docs/operations.md. */
  readonly form: string;
  /** A file path: relative values are taken from the config file's folder, not the working directory. */
  readonly path?: true;
}

const text = z.string().min(1);
const httpUrl = z.url({ protocol: /^https?$/ });
const positive = z.number().positive();
const whole = (min: number, max = Number.MAX_SAFE_INTEGER) => z.number().int().min(min).max(max);
const list = z.array(text);
const flag = z.boolean();
const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;

/**
 * The one table: file key → environment variable. Keys whose variable another part of the hub reads
 * (GRID_PUBLIC_URL, GRID_TLS_*, GRID_TRUSTED_PROXIES: remote consoles) need nothing more than their row here.
 */
export const CONFIG_KEYS: readonly ConfigKey[] = [
  { key: 'host', env: 'GRID_HUB_HOST', schema: text, form: 'an address to listen on ("127.0.0.1", "0.0.0.0")' },
  { key: 'port', env: 'GRID_HUB_PORT', schema: whole(0, 65535), form: 'a port number 0–65535' },
  { key: 'publicUrl', env: 'GRID_PUBLIC_URL', schema: httpUrl, form: 'an http(s) URL ("https://grid.example.gov.cn")' },
  { key: 'tls.cert', env: 'GRID_TLS_CERT', schema: text, form: 'the path of a PEM certificate file', path: true },
  { key: 'tls.key', env: 'GRID_TLS_KEY', schema: text, form: 'the path of a PEM private key file', path: true },
  { key: 'trustedProxies', env: 'GRID_TRUSTED_PROXIES', schema: list, form: 'a list of proxy addresses or CIDRs' },
  { key: 'dataDir', env: 'GRID_DATA_DIR', schema: text, form: 'a folder path', path: true },
  { key: 'demo', env: 'GRID_DEMO', schema: flag, form: 'true or false' },
  { key: 'simulate', env: 'GRID_SIMULATE', schema: flag, form: 'true or false' },
  { key: 'simulateOutages', env: 'GRID_SIMULATE_OUTAGES', schema: flag, form: 'true or false' },
  { key: 'tokenTtlHours', env: 'GRID_TOKEN_TTL_HOURS', schema: positive, form: 'a number of hours > 0' },
  { key: 'log.level', env: 'GRID_LOG_LEVEL', schema: z.enum(LOG_LEVELS), form: `one of ${LOG_LEVELS.join(', ')}` },
  {
    key: 'log.dir',
    env: 'GRID_LOG_DIR',
    schema: z.union([text, z.null()]),
    form: 'a folder path, or null for no log file',
    path: true,
  },
  { key: 'log.keepFiles', env: 'GRID_LOG_KEEP_FILES', schema: whole(1, 10_000), form: 'a whole number ≥ 1' },
  {
    key: 'media.mode',
    env: 'GRID_MEDIA_MODE',
    schema: z.enum(['embedded', 'external']),
    form: '"embedded" or "external"',
  },
  {
    key: 'media.externalUrl',
    env: 'GRID_MEDIA_EXTERNAL_URL',
    schema: text,
    form: 'a URL template with {token} and {stream} (or {camera}, {quality})',
  },
  { key: 'media.cacheDir', env: 'GRID_MEDIA_CACHE', schema: text, form: 'a folder path', path: true },
  { key: 'media.ffmpeg', env: 'GRID_FFMPEG', schema: text, form: 'the path of an ffmpeg executable', path: true },
  { key: 'media.font', env: 'GRID_MEDIA_FONT', schema: text, form: 'the path of a .ttf font file', path: true },
  { key: 'metrics.allow', env: 'GRID_METRICS_ALLOW', schema: list, form: 'a list of client IP addresses' },
  { key: 'metrics.token', env: 'GRID_METRICS_TOKEN', schema: z.string().min(16), form: 'a secret of ≥ 16 characters' },
  { key: 'backup.dir', env: 'GRID_BACKUP_DIR', schema: text, form: 'a folder path', path: true },
  {
    key: 'backup.intervalHours',
    env: 'GRID_BACKUP_INTERVAL_HOURS',
    schema: z.number().min(0),
    form: 'hours ≥ 0 (0: off)',
  },
  { key: 'backup.keep', env: 'GRID_BACKUP_KEEP', schema: whole(1, 10_000), form: 'a whole number ≥ 1' },
  { key: 'backup.maxAgeDays', env: 'GRID_BACKUP_MAX_AGE_DAYS', schema: positive, form: 'a number of days > 0' },
  { key: 'console.hubUrl', env: 'GRID_HUB_URL', schema: httpUrl, form: 'the http(s) URL of a county hub' },
  { key: 'console.webPort', env: 'GRID_WEB_PORT', schema: whole(0, 65535), form: 'a port number 0–65535' },
  { key: 'console.webHostnames', env: 'GRID_WEB_HOSTNAMES', schema: list, form: 'a list of host names' },
  { key: 'console.webIdleMinutes', env: 'GRID_WEB_IDLE_MINUTES', schema: whole(1), form: 'a whole number ≥ 1' },
  { key: 'console.webMaxSessions', env: 'GRID_WEB_MAX_SESSIONS', schema: whole(1), form: 'a whole number ≥ 1' },
  { key: 'console.mediaUrls', env: 'GRID_MEDIA_URLS', schema: list, form: 'a list of media server origins' },
  { key: 'console.mbtiles', env: 'GRID_MBTILES', schema: text, form: 'the path of an .mbtiles file', path: true },
];

type Tree = { [name: string]: Tree | ConfigKey };

/** The file's shape, built from the table: strict objects all the way down, every key optional. */
function schemaOf(tree: Tree): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const [name, node] of Object.entries(tree)) {
    const row = node as ConfigKey;
    shape[name] = (typeof row.env === 'string' ? row.schema : schemaOf(node as Tree)).optional();
  }
  return z.strictObject(shape);
}

function treeOf(rows: readonly ConfigKey[]): Tree {
  const root: Tree = {};
  for (const row of rows) {
    const parts = row.key.split('.');
    let node = root;
    for (const part of parts.slice(0, -1)) node = (node[part] ??= {}) as Tree;
    node[parts.at(-1)!] = row;
  }
  return root;
}

const FILE_SCHEMA = schemaOf(treeOf(CONFIG_KEYS));

/** One readable line per problem: the JSON path, and what was expected there. */
function describe(file: string, issues: readonly z.core.$ZodIssue[]): string {
  const lines = issues.map((issue) => {
    const at = issue.path.map(String).join('.');
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => `unknown key "${at ? `${at}.${k}` : k}"`).join('; ');
    }
    const row = CONFIG_KEYS.find((r) => r.key === at);
    return row ? `"${at}" must be ${row.form}` : `"${at || '(top level)'}": ${issue.message}`;
  });
  return `${file}: ${lines.join('; ')}`;
}

function valueAt(parsed: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], parsed);
}

/** The value as its environment variable would spell it. */
function asEnv(row: ConfigKey, value: Value, baseDir: string): string {
  if (value === null) return 'off';
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (Array.isArray(value)) return value.join(',');
  if (row.path && typeof value === 'string' && !isAbsolute(value)) return resolve(baseDir, value);
  return String(value);
}

/** Reads and checks a config file; returns the environment variables it sets. Throws naming the key at fault. */
export function readConfigFile(file: string): Record<string, string> {
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`config file ${file} cannot be read: ${(err as NodeJS.ErrnoException).code ?? String(err)}`, {
      cause: err,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (err) {
    throw new Error(`config file ${file} is not JSON: ${(err as Error).message}`, { cause: err });
  }
  const parsed = FILE_SCHEMA.safeParse(json);
  if (!parsed.success) throw new Error(describe(file, parsed.error.issues));
  const out: Record<string, string> = {};
  for (const row of CONFIG_KEYS) {
    const value = valueAt(parsed.data, row.key);
    if (value !== undefined) out[row.env] = asEnv(row, value as Value, dirname(resolve(file)));
  }
  return out;
}

/**
 * The environment with the config file (GRID_CONFIG) filled in underneath it: a variable that is set wins. Without
 * GRID_CONFIG the environment is returned as it is.
 */
export function withConfigFile(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  if (!env.GRID_CONFIG) return env;
  return { ...readConfigFile(env.GRID_CONFIG), ...env };
}

/**
 * `--config <file>` (or `--config=<file>`) taken out of a command line: the rest of the arguments, and the
 * environment with GRID_CONFIG set to it. The flag wins over a GRID_CONFIG already in the environment.
 */
export function takeConfigFlag(
  argv: readonly string[],
  env: NodeJS.ProcessEnv,
): { args: string[]; env: NodeJS.ProcessEnv } {
  const args: string[] = [];
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--config') {
      file = argv[++i];
      if (!file) throw new Error('--config needs a file path');
    } else if (arg.startsWith('--config=')) file = arg.slice('--config='.length);
    else args.push(arg);
  }
  return { args, env: file ? { ...env, GRID_CONFIG: resolve(file) } : env };
}
