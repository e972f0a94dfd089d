import type { Migration } from '../../../node-shared/sqlite/migrate.js';
import { consoleMigration0001 } from './0001-cache.js';
import { consoleMigration0002 } from './0002-outbox.js';

export type ConsoleMigration = Migration;

export const CONSOLE_MIGRATIONS: readonly Migration[] = [consoleMigration0001, consoleMigration0002];
