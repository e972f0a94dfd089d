/**
 * Appending to and reading the view audit. Appends run in one transaction that reads the chain's head, writes the
 * row with its hash and moves the head in `meta`; better-sqlite3 is synchronous, so appends never interleave.
 */
import type { StreamQuality, ViewAuditEntry, ViewAuditKind } from '../../common/video-schemas.js';
import type { HubDatabase } from '../db/database.js';
import { appendToChain } from '../db/hash-chain-store.js';
import { inSubtree, sql, sqlJoin, type SqlFragment } from '../db/sql.js';
import { VIEW_AUDIT_CHAIN, type ChainedRow } from './audit-chain.js';

export interface AuditWho {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly orgUnitCode: string;
}
export interface AuditCamera {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly orgUnitCode: string;
}

export interface AuditRecord {
  readonly kind: ViewAuditKind;
  readonly at: number;
  /** Null for what the system did on its own (a grant ended by a case closing). */
  readonly who: AuditWho | null;
  readonly camera: AuditCamera;
  readonly quality?: StreamQuality;
  readonly reason?: string | null;
  readonly caseId?: string | null;
  readonly sessionId?: string;
  readonly tokenId?: string;
  readonly ip?: string;
  readonly from: number;
  readonly to?: number | null;
  readonly detail?: string;
}

export function appendAudit(db: HubDatabase, record: AuditRecord): { id: number; hash: string } {
  return appendToChain(db, VIEW_AUDIT_CHAIN, {
    kind: record.kind,
    at: record.at,
    user_id: record.who?.id ?? null,
    username: record.who?.username ?? null,
    user_display_name: record.who?.displayName ?? null,
    user_unit_code: record.who?.orgUnitCode ?? null,
    camera_id: record.camera.id,
    camera_code: record.camera.code,
    camera_name: record.camera.name,
    camera_unit_code: record.camera.orgUnitCode,
    quality: record.quality ?? null,
    reason: record.reason || null,
    case_id: record.caseId || null,
    session_id: record.sessionId ?? null,
    token_id: record.tokenId ?? null,
    ip: record.ip ?? null,
    from_at: record.from,
    to_at: record.to ?? null,
    detail: record.detail ?? null,
  });
}

/** Reason and case given when a stream token was issued, for the view it opens. */
export function findTokenContext(db: HubDatabase, tokenId: string): { reason: string | null; caseId: string | null } {
  const row = db.get<{ reason: string | null; case_id: string | null }>(sql`
    SELECT reason, case_id FROM view_audit WHERE token_id = ${tokenId} AND kind = 'token_issued' LIMIT 1`);
  return { reason: row?.reason ?? null, caseId: row?.case_id ?? null };
}

export interface AuditFilter {
  readonly scopeCode: string;
  readonly from?: number;
  readonly to?: number;
  readonly user?: string;
  readonly camera?: string;
  readonly kind?: ViewAuditKind;
  readonly limit: number;
}

interface AuditRow extends ChainedRow {
  hash: string;
}

const iso = (ms: number) => new Date(ms).toISOString();

const toEntry = (r: AuditRow): ViewAuditEntry => ({
  id: r.id,
  kind: r.kind as ViewAuditKind,
  at: iso(r.at as number),
  userId: r.user_id as string | null,
  username: r.username as string | null,
  userDisplayName: r.user_display_name as string | null,
  userUnitCode: r.user_unit_code as string | null,
  cameraId: r.camera_id as string,
  cameraCode: r.camera_code as string,
  cameraName: r.camera_name as string,
  cameraUnitCode: r.camera_unit_code as string,
  quality: r.quality as StreamQuality | null,
  reason: r.reason as string | null,
  caseId: r.case_id as string | null,
  ip: r.ip as string | null,
  from: iso(r.from_at as number),
  to: r.to_at === null ? null : iso(r.to_at as number),
  detail: r.detail as string | null,
  hash: r.hash,
});

/**
 * Newest first. Scoped: a row shows when the camera or the viewer lies in the reader's subtree. Periods overlap the
 * [from, to] window (a view that started before `from` but ran into it is included).
 */
export function listAudit(db: HubDatabase, f: AuditFilter): { items: ViewAuditEntry[]; truncated: boolean } {
  const where: SqlFragment[] = [
    sql`(${inSubtree(sql`camera_unit_code`, f.scopeCode)} OR ${inSubtree(sql`user_unit_code`, f.scopeCode)})`,
  ];
  if (f.from !== undefined) where.push(sql`coalesce(to_at, from_at) >= ${f.from}`);
  if (f.to !== undefined) where.push(sql`from_at <= ${f.to}`);
  if (f.user) where.push(sql`(user_id = ${f.user} OR username = ${f.user})`);
  if (f.camera) where.push(sql`(camera_id = ${f.camera} OR camera_code = ${f.camera})`);
  if (f.kind) where.push(sql`kind = ${f.kind}`);
  const rows = db.all<AuditRow>(sql`
    SELECT * FROM view_audit WHERE ${sqlJoin(where, ' AND ')} ORDER BY id DESC LIMIT ${f.limit + 1}`);
  return { items: rows.slice(0, f.limit).map(toEntry), truncated: rows.length > f.limit };
}
