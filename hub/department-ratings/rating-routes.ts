/**
 * The villages' ratings of departments (逆向考核): read a case's ratings, rate a department's leg, and the roll-up
 * by department for the KPI view. Rules in common/department-ratings.ts, checked again inside the write.
 */
import type { FastifyInstance } from 'fastify';
import { hubRoutes } from '../../common/contract.js';
import { ratingRefusal, rollUpRatings } from '../../common/department-ratings.js';
import { GridCommandError } from '../../common/errors.js';
import { isWithinScope, levelOfCode } from '../../common/org.js';
import { canAct, roleAllows } from '../../common/scope-policy.js';
import { instantOf } from '../../common/time-range.js';
import { readableCase } from '../cases/moves.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
import { insertRating, ratingOfLeg, ratingsInScope, ratingsOfCase } from './ratings-store.js';

const BEIJING_OFFSET_MS = 8 * 3600_000;
/** Beijing has no daylight saving: a month is the UTC+8 calendar month. */
const beijingMonth = (at: number) => new Date(at + BEIJING_OFFSET_MS).toISOString().slice(0, 7);

export function registerRatingRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.caseDepartmentRatings, ({ session, params }) => {
    const c = readableCase(hub, session.user, params.caseId);
    return { items: ratingsOfCase(hub.db, c.id) };
  });

  route(app, hub, hubRoutes.caseDepartmentRate, ({ session, params, body }) =>
    hub.writes.run(() => {
      const c = readableCase(hub, session.user, params.caseId);
      const leg = c.legs.find((l) => l.id === body.legId);
      if (!leg) throw new GridCommandError('validation_failed', 'no such leg on this case', 'legId');
      const rated = new Set(ratingsOfCase(hub.db, c.id).map((r) => r.legId));
      const refused = ratingRefusal(c, session.user, leg, rated);
      if (refused === 'forbidden') {
        throw new GridCommandError('forbidden', 'only the village or community of the case rates its departments');
      }
      if (refused === 'already_rated') throw new GridCommandError('already_rated', 'this leg is rated', 'legId');
      if (refused) throw new GridCommandError(refused, 'the department has not finished this leg', 'legId');
      const at = hub.now();
      const inserted = insertRating(hub.db, {
        legId: leg.id,
        caseId: c.id,
        gridCode: c.gridCode,
        departmentCode: leg.unitCode,
        score: body.score,
        note: body.note || null,
        byUserId: session.user.id,
        byUnitCode: session.user.orgUnitCode,
        at,
      });
      if (!inserted) throw new GridCommandError('already_rated', 'this leg is rated', 'legId');
      return ratingOfLeg(hub.db, leg.id)!;
    }),
  );

  route(app, hub, hubRoutes.departmentRatingsKpi, ({ session, query }) => {
    const user = session.user;
    if (!roleAllows(user, 'kpi.read')) throw new GridCommandError('forbidden', 'not permitted for your role');
    const scope = query.orgUnit ?? user.orgUnitCode;
    // A narrower unit of one's own area, never a wider or a neighbouring one (departments have no area here).
    if (levelOfCode(scope) === null || !isWithinScope(user.orgUnitCode, scope) || !canAct(user, 'kpi.read', scope)) {
      throw new GridCommandError('forbidden', 'outside your scope', 'orgUnit');
    }
    const from = instantOf(query.from);
    const to = instantOf(query.to);
    if (!(to > from)) throw new GridCommandError('validation_failed', 'the period ends before it starts', 'to');
    return {
      from: new Date(from).toISOString(),
      to: new Date(to).toISOString(),
      orgUnit: scope,
      rows: rollUpRatings(ratingsInScope(hub.db, scope, from, to), beijingMonth),
    };
  });
}
