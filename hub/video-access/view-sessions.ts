/**
 * Viewing sessions: from a user's first media request for a camera to its last one. A view opens on the first
 * playlist/segment request of a (session, camera, quality) and closes after `idleMs` without requests; only then is
 * it appended to the audit, with from–to, reason and case (taken from the token's issue record).
 *
 * A media request only touches memory: no disk write (with synchronous=FULL, an fsync) on the request path. The
 * sweeper, every few seconds, writes what changed into `view_sessions_open` and audits the views that went idle, all
 * in one transaction, so after a crash the next start still audits the open views, ending at their last sweep.
 */
import type { StreamQuality } from '../../common/video-schemas.js';
import type { HubDatabase } from '../db/database.js';
import { sql } from '../db/sql.js';
import { appendAudit, findTokenContext, type AuditCamera, type AuditWho } from './view-audit-store.js';

interface OpenView {
  readonly key: string;
  readonly who: AuditWho;
  readonly camera: AuditCamera;
  readonly sessionId: string;
  readonly quality: StreamQuality;
  readonly tokenId: string;
  readonly ip: string | undefined;
  readonly startedAt: number;
  lastSeenAt: number;
  /** last_seen_at as written to view_sessions_open; null until the view's row is written. */
  persistedAt: number | null;
}

export interface ViewTouch {
  readonly who: AuditWho;
  readonly camera: AuditCamera;
  readonly sessionId: string;
  readonly quality: StreamQuality;
  readonly tokenId: string;
  readonly ip: string | undefined;
}

export class ViewSessions {
  private readonly open = new Map<string, OpenView>();

  constructor(
    private readonly db: HubDatabase,
    private readonly now: () => number,
    readonly idleMs: number,
  ) {}

  /** Called on every authorised media request: a map lookup and nothing else. */
  touch(t: ViewTouch): void {
    const key = `${t.sessionId}|${t.camera.id}|${t.quality}`;
    const now = this.now();
    const view = this.open.get(key);
    if (view) view.lastSeenAt = now;
    else this.open.set(key, { ...t, key, startedAt: now, lastSeenAt: now, persistedAt: null });
  }

  /** Views open right now (for tests and the bench). */
  get openCount(): number {
    return this.open.size;
  }

  /**
   * Audits the views idle for `idleMs` or more and records the progress of the others, in one transaction; returns
   * how many views ended.
   */
  sweep(): number {
    const cutoff = this.now() - this.idleMs;
    let closed = 0;
    this.db.transaction(() => {
      for (const view of [...this.open.values()]) {
        if (view.lastSeenAt <= cutoff) {
          this.close(view);
          closed++;
        } else {
          this.persist(view);
        }
      }
    });
    return closed;
  }

  /** On shutdown: every open view ends at its last request. */
  closeAll(): void {
    this.db.transaction(() => {
      for (const view of [...this.open.values()]) this.close(view);
    });
  }

  private persist(view: OpenView): void {
    if (view.persistedAt === view.lastSeenAt) return;
    if (view.persistedAt === null) {
      this.db.run(sql`
        INSERT INTO view_sessions_open
          (key, user_id, session_id, camera_id, quality, token_id, ip, started_at, last_seen_at)
        VALUES (${view.key}, ${view.who.id}, ${view.sessionId}, ${view.camera.id}, ${view.quality}, ${view.tokenId},
                ${view.ip ?? null}, ${view.startedAt}, ${view.lastSeenAt})
        ON CONFLICT (key) DO UPDATE SET last_seen_at = excluded.last_seen_at`);
    } else {
      this.db.run(sql`UPDATE view_sessions_open SET last_seen_at = ${view.lastSeenAt} WHERE key = ${view.key}`);
    }
    view.persistedAt = view.lastSeenAt;
  }

  /** On start: views a previous run left open (it crashed) are audited as they were last persisted. */
  recover(): number {
    const rows = this.db.all<{
      key: string;
      user_id: string;
      camera_id: string;
      session_id: string;
      quality: StreamQuality;
      token_id: string;
      ip: string | null;
      started_at: number;
      last_seen_at: number;
      username: string | null;
      display_name: string | null;
      user_unit: string | null;
      code: string | null;
      name: string | null;
      camera_unit: string | null;
    }>(sql`
      SELECT v.*, u.username, u.display_name, u.org_unit_code AS user_unit, c.code, c.name,
             c.org_unit_code AS camera_unit
      FROM view_sessions_open v LEFT JOIN users u ON u.id = v.user_id LEFT JOIN cameras c ON c.id = v.camera_id`);
    for (const r of rows) {
      this.close({
        key: r.key,
        who: {
          id: r.user_id,
          username: r.username ?? '',
          displayName: r.display_name ?? '',
          orgUnitCode: r.user_unit ?? '',
        },
        camera: { id: r.camera_id, code: r.code ?? '', name: r.name ?? '', orgUnitCode: r.camera_unit ?? '' },
        sessionId: r.session_id,
        quality: r.quality,
        tokenId: r.token_id,
        ip: r.ip ?? undefined,
        startedAt: r.started_at,
        lastSeenAt: r.last_seen_at,
        persistedAt: r.last_seen_at,
      });
    }
    return rows.length;
  }

  private close(view: OpenView): void {
    const context = findTokenContext(this.db, view.tokenId);
    this.db.transaction(() => {
      appendAudit(this.db, {
        kind: 'view',
        at: this.now(),
        who: view.who,
        camera: view.camera,
        quality: view.quality,
        reason: context.reason,
        caseId: context.caseId,
        sessionId: view.sessionId,
        tokenId: view.tokenId,
        ip: view.ip,
        from: view.startedAt,
        to: view.lastSeenAt,
      });
      this.db.run(sql`DELETE FROM view_sessions_open WHERE key = ${view.key}`);
    });
    this.open.delete(view.key);
  }
}
