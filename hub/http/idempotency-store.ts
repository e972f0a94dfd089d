/**
 * Idempotency records: the first successful answer to (user, key), replayed for any retry with the same request,
 * refused for a different request under the same key. Called inside the write's own transaction, so the record and
 * the effect commit together or not at all.
 */
import { createHash } from 'node:crypto';
import { GridCommandError } from '../../common/errors.js';
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';

export interface StoredAnswer {
  readonly status: number;
  readonly body: unknown;
}

export const IDEMPOTENCY_KEY_PATTERN = /^[A-Za-z0-9_.:-]{8,128}$/;

export function requestHash(route: string, body: unknown): string {
  return createHash('sha256').update(route).update('\0').update(JSON.stringify(body)).digest('hex');
}

/** The stored answer for a retry, or undefined for a first request. Throws when the key was used for another request. */
export function findAnswer(db: HubDatabase, userId: string, key: string, hash: string): StoredAnswer | undefined {
  const row = db.get<{ request_hash: string; status: number; response: string }>(
    sql`SELECT request_hash, status, response FROM idempotency_keys WHERE user_id = ${userId} AND key = ${key}`,
  );
  if (!row) return undefined;
  if (row.request_hash !== hash) {
    throw new GridCommandError(
      'idempotency_key_reused',
      'this Idempotency-Key was already used for a different request',
      'Idempotency-Key',
    );
  }
  return { status: row.status, body: JSON.parse(row.response) as unknown };
}

export function storeAnswer(
  db: HubDatabase,
  userId: string,
  key: string,
  hash: string,
  answer: StoredAnswer,
  at: number,
): void {
  db.run(sql`
    INSERT INTO idempotency_keys (user_id, key, request_hash, status, response, created_at)
    VALUES (${userId}, ${key}, ${hash}, ${answer.status}, ${JSON.stringify(answer.body)}, ${at})`);
}

/** The header, checked: required on every write that must not happen twice. */
export function idempotencyKeyOf(headers: Record<string, string | string[] | undefined>): string {
  const raw = headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (!key || !IDEMPOTENCY_KEY_PATTERN.test(key)) {
    throw new GridCommandError('validation_failed', 'missing or invalid Idempotency-Key header', 'Idempotency-Key');
  }
  return key;
}
