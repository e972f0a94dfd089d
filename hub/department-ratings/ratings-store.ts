/** SQL of the villages' department ratings (逆向考核; rules in common/department-ratings.ts). */
import type { DepartmentRating } from '../../common/department-ratings.js';
import type { HubDatabase } from '../db/database.js';
import { inSubtree, sql } from '../db/sql.js';

interface RatingRow {
  leg_id: string;
  case_id: string;
  department_code: string;
  score: number;
  note: string | null;
  by_unit_code: string;
  by_user_name: string;
  at: number;
}

const toRating = (r: RatingRow): DepartmentRating => ({
  legId: r.leg_id,
  caseId: r.case_id,
  departmentCode: r.department_code,
  score: r.score,
  ...(r.note ? { note: r.note } : {}),
  byUnitCode: r.by_unit_code,
  byUserName: r.by_user_name,
  at: new Date(r.at).toISOString(),
});

const SELECT = sql`
  SELECT r.leg_id, r.case_id, r.department_code, r.score, r.note, r.by_unit_code, u.display_name AS by_user_name, r.at
  FROM department_ratings r JOIN users u ON u.id = r.by_user_id`;

export function ratingsOfCase(db: HubDatabase, caseId: string): DepartmentRating[] {
  return db.all<RatingRow>(sql`${SELECT} WHERE r.case_id = ${caseId} ORDER BY r.at`).map(toRating);
}

export function ratingOfLeg(db: HubDatabase, legId: string): DepartmentRating | undefined {
  const row = db.get<RatingRow>(sql`${SELECT} WHERE r.leg_id = ${legId}`);
  return row && toRating(row);
}

export interface NewRating {
  readonly legId: string;
  readonly caseId: string;
  readonly gridCode: string;
  readonly departmentCode: string;
  readonly score: number;
  readonly note: string | null;
  readonly byUserId: string;
  readonly byUnitCode: string;
  readonly at: number;
}

/** False when the leg was rated already (the primary key keeps it to one). */
export function insertRating(db: HubDatabase, r: NewRating): boolean {
  return (
    db.run(sql`
      INSERT INTO department_ratings (leg_id, case_id, grid_code, department_code, score, note, by_user_id,
                                      by_unit_code, at)
      VALUES (${r.legId}, ${r.caseId}, ${r.gridCode}, ${r.departmentCode}, ${r.score}, ${r.note}, ${r.byUserId},
              ${r.byUnitCode}, ${r.at})
      ON CONFLICT (leg_id) DO NOTHING`).changes === 1
  );
}

/** The ratings given in [from, to) on cases whose grid lies in `scopeCode`'s subtree. */
export function ratingsInScope(
  db: HubDatabase,
  scopeCode: string,
  from: number,
  to: number,
): Array<{ departmentCode: string; score: number; at: number }> {
  return db.all<{ departmentCode: string; score: number; at: number }>(sql`
    SELECT department_code AS departmentCode, score, at FROM department_ratings
    WHERE ${inSubtree(sql`grid_code`, scopeCode)} AND at >= ${from} AND at < ${to}`);
}
