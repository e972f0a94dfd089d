import type Database from 'better-sqlite3';
import { consoleMigration0001 } from './0001-cache.js';
import { consoleMigration0002 } from './0002-outbox.js';

export interface ConsoleMigration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}

export const CONSOLE_MIGRATIONS: readonly ConsoleMigration[] = [consoleMigration0001, consoleMigration0002];
