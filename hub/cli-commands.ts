/**
 * The hub's command-line commands (dispatched by hub/cli.ts): `serve` (the default), `backup [--to <dir>]` and
 * `restore <file> [--data-dir <dir>] [--force]`. Each takes the environment with the config file already chosen.
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { hubConfigFromEnv } from './config.js';
import { backupDatabase, restoreDatabase } from './db/backup.js';
import { consoleProgress } from './progress.js';
import { createHub } from './server.js';

const DEFAULTS = { dataDir: '.grid-data', port: 7300 };

/** `--name value` options and positional arguments; an unknown option is an error naming it. */
export function parseArgs(
  args: readonly string[],
  options: { values?: readonly string[]; flags?: readonly string[] },
): { positional: string[]; values: Record<string, string>; flags: Set<string> } {
  const positional: string[] = [];
  const values: Record<string, string> = {};
  const flags = new Set<string>();
  for (let i = 0; i < args.length; i++) {
    const arg = args[i]!;
    if (!arg.startsWith('--')) positional.push(arg);
    else if (options.flags?.includes(arg)) flags.add(arg);
    else if (options.values?.includes(arg)) {
      const value = args[++i];
      if (value === undefined || value.startsWith('--')) throw new Error(`${arg} needs a value`);
      values[arg] = value;
    } else throw new Error(`unknown option ${arg}`);
  }
  return { positional, values, flags };
}

export async function serve(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  parseArgs(args, {});
  const config = hubConfigFromEnv(env, DEFAULTS);
  const started = Date.now();
  const hub = await createHub({
    ...config,
    log: config.log,
    metrics: config.metrics,
    backup: config.backup,
    progress: consoleProgress(),
  });
  console.log(
    `Grid Command hub listening on ${hub.url} (data: ${config.dbPath}${config.demo ? ', DEMO MODE' : ''}; ready in ${Date.now() - started} ms)`,
  );
  const stop = () => void hub.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** A consistent copy of the hub's database while it runs (or not): into `--to` or the configured backup folder. */
export async function backup(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { values } = parseArgs(args, { values: ['--to'] });
  const config = hubConfigFromEnv(env, DEFAULTS);
  if (!existsSync(config.dbPath)) throw new Error(`no hub database at ${config.dbPath}`);
  const db = new Database(config.dbPath, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    const result = await backupDatabase(db, values['--to'] ? resolve(values['--to']) : config.backup.dir, {
      wholeStep: true,
    });
    console.log(`✓ backup written: ${result.file} (${(result.bytes / 1048576).toFixed(1)} MiB in ${result.ms} ms)`);
  } finally {
    db.close();
  }
}

/** Puts a backup back as the hub's database; never over a running hub, nor into a non-empty folder without --force. */
export async function restore(args: readonly string[], env: NodeJS.ProcessEnv): Promise<void> {
  const { positional, values, flags } = parseArgs(args, { values: ['--data-dir'], flags: ['--force'] });
  if (positional.length !== 1) throw new Error('usage: restore <backup file> [--data-dir <dir>] [--force]');
  const dataDir = values['--data-dir'] ? resolve(values['--data-dir']) : hubConfigFromEnv(env, DEFAULTS).dataDir;
  const result = await restoreDatabase(resolve(positional[0]!), dataDir, { force: flags.has('--force') });
  console.log(
    `✓ restored ${positional[0]} as ${result.dbPath} (schema ${result.version})` +
      (result.keptAside ? `; the previous database is kept as ${result.keptAside}` : ''),
  );
}
