/**
 * The admin audit (migration 0013): every administrative act, login and failed login, appended to its own hash
 * chain (hub/db/hash-chain-store.ts, the same implementation as the view audit's) and read back newest first.
 *
 * `recordAdminAct` is the one way in, for every feature: call it inside the transaction that makes the change, so
 * the record and the act commit (or roll back) together.
 */
import type { AdminAction, AdminAuditEntry } from '../../common/admin-schemas.js';
import type { HubDatabase } from '../db/database.js';
import { appendToChain, type ChainSpec } from '../db/hash-chain-store.js';
import { sql, sqlJoin, type SqlFragment } from '../db/sql.js';

const ADMIN_AUDIT_COLUMNS = ['id', 'at', 'actor_id', 'actor_username', 'action', 'target', 'detail', 'ip'] as const;

export const ADMIN_AUDIT_CHAIN: ChainSpec<(typeof ADMIN_AUDIT_COLUMNS)[number]> = {
  table: 'admin_audit',
  columns: ADMIN_AUDIT_COLUMNS,
  headKey: 'admin_audit_head',
};

export interface AdminActor {
  readonly id: string;
  readonly username: string;
}

export interface AdminAct {
  /** Who acted; null for the system itself or someone not signed in (a failed login names the tried username in
   * `target`). */
  readonly actor: AdminActor | null;
  readonly action: AdminAction;
  /** Whom or what it was done to: a username, a unit code, a file name … */
  readonly target?: string | null;
  /** What changed, counts, a reason; stored as JSON. Never a password or token. */
  readonly detail?: Readonly<Record<string, unknown>> | null;
  /** The client address the hub saw (request.ip). */
  readonly ip?: string | null;
  /** Epoch ms; default now. */
  readonly at?: number;
}

export function recordAdminAct(db: HubDatabase, act: AdminAct): { id: number; hash: string } {
  return appendToChain(db, ADMIN_AUDIT_CHAIN, {
    at: act.at ?? Date.now(),
    actor_id: act.actor?.id ?? null,
    actor_username: act.actor?.username ?? null,
    action: act.action,
    target: act.target ?? null,
    detail: act.detail ? JSON.stringify(act.detail) : null,
    ip: act.ip ?? null,
  });
}

export interface AdminAuditFilter {
  readonly actor?: string;
  readonly action?: string;
  readonly from?: number;
  /** Exclusive. */
  readonly to?: number;
  readonly offset: number;
  readonly limit: number;
}

interface Row {
  id: number;
  at: number;
  actor_id: string | null;
  actor_username: string | null;
  action: string;
  target: string | null;
  detail: string | null;
  ip: string | null;
  hash: string;
}

/** Newest first, with the number of rows the filter matches. */
export function listAdminAudit(db: HubDatabase, f: AdminAuditFilter): { items: AdminAuditEntry[]; total: number } {
  const where: SqlFragment[] = [sql`1 = 1`];
  if (f.actor) where.push(sql`actor_username = ${f.actor}`);
  if (f.action) where.push(sql`action = ${f.action}`);
  if (f.from !== undefined) where.push(sql`at >= ${f.from}`);
  if (f.to !== undefined) where.push(sql`at < ${f.to}`);
  const filter = sqlJoin(where, ' AND ');
  const total = db.get<{ n: number }>(sql`SELECT count(*) AS n FROM admin_audit WHERE ${filter}`)?.n ?? 0;
  const rows = db.all<Row>(sql`
    SELECT id, at, actor_id, actor_username, action, target, detail, ip, hash FROM admin_audit
    WHERE ${filter} ORDER BY id DESC LIMIT ${f.limit} OFFSET ${f.offset}`);
  return {
    total,
    items: rows.map((r) => ({
      id: r.id,
      at: new Date(r.at).toISOString(),
      actorId: r.actor_id,
      actorUsername: r.actor_username,
      action: r.action,
      target: r.target,
      detail: r.detail,
      ip: r.ip,
      hash: r.hash,
    })),
  };
}
