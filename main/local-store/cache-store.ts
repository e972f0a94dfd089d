/**
 * The read cache of one user (every query is keyed by the user id): org tree, cameras, the board and case
 * histories, and how far the cache has followed the hub's change sequence. Every write is `relaxed`: what a power
 * cut loses here is fetched from the hub again.
 */
import type { BoardPage, CaseDetail, CaseHistoryRow, CaseView } from '../../common/case-api.js';
import { boardClosedSince, isBoardStatus, isOnBoard } from '../../common/cases/board-rule.js';
import type { Camera, OrgUnit, User } from '../../common/schemas.js';
import { consoleCalendar } from '../reference-cache.js';
import { sql } from '../../node-shared/sqlite/sql.js';
import type { ConsoleDatabase } from './console-database.js';

interface UserRow {
  org_unit_code: string;
  role: string;
  last_seq: number;
  synced_at: number | null;
  org_loaded: number;
  cameras_loaded: number;
  board_loaded: number;
  board_truncated: number;
}

export class CacheStore {
  constructor(
    private readonly db: ConsoleDatabase,
    readonly userId: string,
  ) {}

  /**
   * Called at sign-in: a user whose scope or role changed since the cache was written starts from nothing, so a
   * narrowed scope never shows what the wider one cached.
   */
  static forUser(db: ConsoleDatabase, user: User): CacheStore {
    db.relaxed(() => {
      const row = db.get<UserRow>(sql`SELECT * FROM cache_users WHERE user_id = ${user.id}`);
      if (row && (row.org_unit_code !== user.orgUnitCode || row.role !== user.role)) {
        db.run(sql`DELETE FROM cache_users WHERE user_id = ${user.id}`);
      }
      db.run(sql`
        INSERT INTO cache_users (user_id, org_unit_code, role) VALUES (${user.id}, ${user.orgUnitCode}, ${user.role})
        ON CONFLICT (user_id) DO NOTHING`);
    });
    return new CacheStore(db, user.id);
  }

  private row(): UserRow | undefined {
    return this.db.get<UserRow>(sql`SELECT * FROM cache_users WHERE user_id = ${this.userId}`);
  }

  lastSeq(): number {
    return this.row()?.last_seq ?? 0;
  }

  /** When the cache was last known to match the hub; null when nothing was ever cached. */
  syncedAt(): number | null {
    return this.row()?.synced_at ?? null;
  }

  markSynced(at: number): void {
    this.db.relaxed(() => this.db.run(sql`UPDATE cache_users SET synced_at = ${at} WHERE user_id = ${this.userId}`));
  }

  saveOrgUnits(units: readonly OrgUnit[], at: number): void {
    this.db.relaxed(() => {
      this.db.run(sql`DELETE FROM cached_org_units WHERE user_id = ${this.userId}`);
      units.forEach((u, ord) =>
        this.db.run(sql`
          INSERT INTO cached_org_units (user_id, code, ord, data)
          VALUES (${this.userId}, ${u.code}, ${ord}, ${JSON.stringify(u)})`),
      );
      this.db.run(sql`UPDATE cache_users SET org_loaded = 1, synced_at = ${at} WHERE user_id = ${this.userId}`);
    });
  }

  orgUnits(): OrgUnit[] | null {
    if (this.row()?.org_loaded !== 1) return null;
    return this.db
      .all<{ data: string }>(sql`SELECT data FROM cached_org_units WHERE user_id = ${this.userId} ORDER BY ord`)
      .map((r) => JSON.parse(r.data) as OrgUnit);
  }

  saveCameras(cameras: readonly Camera[], at: number): void {
    this.db.relaxed(() => {
      this.db.run(sql`DELETE FROM cached_cameras WHERE user_id = ${this.userId}`);
      cameras.forEach((c, ord) =>
        this.db.run(sql`
          INSERT INTO cached_cameras (user_id, id, ord, data) VALUES (${this.userId}, ${c.id}, ${ord}, ${JSON.stringify(c)})`),
      );
      this.db.run(sql`UPDATE cache_users SET cameras_loaded = 1, synced_at = ${at} WHERE user_id = ${this.userId}`);
    });
  }

  cameras(): Camera[] | null {
    if (this.row()?.cameras_loaded !== 1) return null;
    return this.db
      .all<{ data: string }>(sql`SELECT data FROM cached_cameras WHERE user_id = ${this.userId} ORDER BY ord`)
      .map((r) => JSON.parse(r.data) as Camera);
  }

  /** One case version, kept only if not older than the cached one (a late answer never rolls a case back). */
  private putCase(c: CaseView, seq: number): void {
    this.db.run(sql`
      INSERT INTO cached_cases (user_id, id, version, on_board, reported_at, closed_at, seq, data)
      VALUES (${this.userId}, ${c.id}, ${c.version}, ${isBoardStatus(c.status) ? 1 : 0}, ${c.reportedAt}, ${c.closedAt ?? null},
              ${seq}, ${JSON.stringify(c)})
      ON CONFLICT (user_id, id) DO UPDATE SET
        version = excluded.version, on_board = excluded.on_board, reported_at = excluded.reported_at,
        closed_at = excluded.closed_at, data = excluded.data, seq = max(seq, excluded.seq)
      WHERE excluded.version >= cached_cases.version`);
  }

  /**
   * The hub's board page replaces the cached board. A cached case that a change newer than the page brought
   * (a push racing the page) stays; any other case missing from the page leaves the board.
   */
  replaceBoard(page: BoardPage, at: number): void {
    const ids = JSON.stringify(page.cases.map((c) => c.id));
    this.db.relaxed(() => {
      for (const c of page.cases) this.putCase(c, page.lastSeq);
      this.db.run(sql`
        UPDATE cached_cases SET on_board = 0
        WHERE user_id = ${this.userId} AND seq <= ${page.lastSeq} AND id NOT IN (SELECT value FROM json_each(${ids}))`);
      this.db.run(sql`
        UPDATE cache_users SET board_loaded = 1, board_truncated = ${page.truncated ? 1 : 0}, synced_at = ${at},
          last_seq = max(last_seq, ${page.lastSeq})
        WHERE user_id = ${this.userId}`);
    });
  }

  /**
   * The hub's sequence went backwards (its database was replaced): nothing cached can be trusted against it.
   * The outbox is not touched.
   */
  forgetCases(): void {
    this.db.relaxed(() => {
      this.db.run(sql`DELETE FROM cached_cases WHERE user_id = ${this.userId}`);
      this.db.run(sql`DELETE FROM cached_histories WHERE user_id = ${this.userId}`);
      this.db.run(sql`UPDATE cache_users SET last_seq = 0, board_loaded = 0 WHERE user_id = ${this.userId}`);
    });
  }

  /** Changes from a push or a catch-up, with the sequence they bring the cache to, in one transaction. */
  applyChanges(changes: ReadonlyArray<{ seq: number; case: CaseView }>, at: number): void {
    if (changes.length === 0) return;
    const top = Math.max(...changes.map((c) => c.seq));
    this.db.relaxed(() => {
      for (const change of changes) this.putCase(change.case, change.seq);
      this.db.run(sql`
        UPDATE cache_users SET last_seq = max(last_seq, ${top}), synced_at = ${at} WHERE user_id = ${this.userId}`);
    });
  }

  /** A case answered by the hub outside the feed (a move's answer, a detail): newer versions only. */
  saveCase(c: CaseView): void {
    this.db.relaxed(() => this.putCase(c, 0));
  }

  /** The cached board, by the hub's own rule (common/cases/board-rule.ts). */
  board(now: number): Omit<BoardPage, 'cases'> & { cases: CaseView[] } {
    const closedSince = boardClosedSince(now, consoleCalendar());
    const row = this.row();
    const cases = this.db
      .all<{ data: string }>(
        sql`
        SELECT data FROM cached_cases
        WHERE user_id = ${this.userId} AND on_board = 1 ORDER BY reported_at DESC`,
      )
      .map((r) => JSON.parse(r.data) as CaseView)
      .filter((c) => isOnBoard(c, closedSince));
    return { cases, lastSeq: row?.last_seq ?? 0, truncated: row?.board_truncated === 1 };
  }

  boardLoaded(): boolean {
    return this.row()?.board_loaded === 1;
  }

  getCase(caseId: string): CaseView | undefined {
    const row = this.db.get<{ data: string }>(
      sql`SELECT data FROM cached_cases WHERE user_id = ${this.userId} AND id = ${caseId}`,
    );
    return row && (JSON.parse(row.data) as CaseView);
  }

  saveDetail(detail: CaseDetail): void {
    this.db.relaxed(() => {
      this.saveCase(detail.case);
      this.db.run(sql`
        INSERT INTO cached_histories (user_id, case_id, version, data)
        VALUES (${this.userId}, ${detail.case.id}, ${detail.case.version}, ${JSON.stringify(detail.history)})
        ON CONFLICT (user_id, case_id) DO UPDATE SET version = excluded.version, data = excluded.data
        WHERE excluded.version >= cached_histories.version`);
    });
  }

  /** The case's history as last read (possibly older than the case itself: rows since then are missing). */
  history(caseId: string): CaseHistoryRow[] | undefined {
    const row = this.db.get<{ data: string }>(
      sql`SELECT data FROM cached_histories WHERE user_id = ${this.userId} AND case_id = ${caseId}`,
    );
    return row && (JSON.parse(row.data) as CaseHistoryRow[]);
  }
}
