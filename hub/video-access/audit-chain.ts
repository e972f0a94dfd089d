/**
 * The view audit's hash chain: the table's chained columns and head key, on the one chain implementation shared with
 * the admin audit (hub/db/hash-chain-store.ts). The column list and its order are what every existing hash was made
 * from, so they never change.
 */
import type Database from 'better-sqlite3';
import {
  chainRowHash,
  GENESIS_HASH,
  verifyChain,
  type ChainReport,
  type ChainRow,
  type ChainSpec,
} from '../db/hash-chain-store.js';

export { GENESIS_HASH, type ChainReport };
export const AUDIT_HEAD_META_KEY = 'view_audit_head';

export const CHAINED_COLUMNS = [
  'id',
  'kind',
  'at',
  'user_id',
  'username',
  'user_display_name',
  'user_unit_code',
  'camera_id',
  'camera_code',
  'camera_name',
  'camera_unit_code',
  'quality',
  'reason',
  'case_id',
  'session_id',
  'token_id',
  'ip',
  'from_at',
  'to_at',
  'detail',
] as const;
export type ChainedRow = ChainRow<(typeof CHAINED_COLUMNS)[number]>;

export const VIEW_AUDIT_CHAIN: ChainSpec<(typeof CHAINED_COLUMNS)[number]> = {
  table: 'view_audit',
  columns: CHAINED_COLUMNS,
  headKey: AUDIT_HEAD_META_KEY,
};

export function rowHash(prevHash: string, row: ChainedRow): string {
  return chainRowHash(VIEW_AUDIT_CHAIN, prevHash, row);
}

export function verifyAuditChain(db: Database.Database): ChainReport {
  return verifyChain(db, VIEW_AUDIT_CHAIN);
}
