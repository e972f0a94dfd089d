/** The dispatch API: intake, the board, case detail, moves and the change feed — all scoped to the caller. */
import type { FastifyInstance } from 'fastify';
import { BOARD_QUERY_LIMIT } from '../../common/case-api.js';
import { boardClosedSince } from '../../common/cases/board-rule.js';
import type { CaseActor } from '../../common/case-machine.js';
import { hubRoutes } from '../../common/contract.js';
import { GridCommandError } from '../../common/errors.js';
import { roleAllows, scopeCodeOf } from '../../common/scope-policy.js';
import { instantOf } from '../../common/time-range.js';
import type { User } from '../../common/schemas.js';
import { changesSince, lastChangeSeq, listBoard, listHistory } from './cases-store.js';
import { importOrigin } from './import-batches-store.js';
import { reportEvent } from './intake.js';
import { kpiReport } from './kpi-query.js';
import { moveCase, readableCase } from './moves.js';
import type { HubContext } from '../hub-context.js';
import { route } from '../http/route.js';
import { publishSupervisionAlert } from '../shift/hub-alerts.js';
import { markCamerasNear } from '../recording/event-marks.js';

const CHANGES_PAGE = 1000;

export const actorOf = (user: User): CaseActor => ({
  userId: user.id,
  role: user.role,
  orgUnitCode: user.orgUnitCode,
  ...(user.departmentCode ? { departmentCode: user.departmentCode } : {}),
});

function requireRole(user: User, action: 'case.read' | 'case.report'): void {
  if (!roleAllows(user, action)) throw new GridCommandError('forbidden', 'not permitted for your role');
}

export function registerCaseRoutes(app: FastifyInstance, hub: HubContext): void {
  route(app, hub, hubRoutes.reportEvent, ({ body, session, afterCommit }) => {
    requireRole(session.user, 'case.report');
    const outcome = reportEvent(hub, session.user, body, hub.now());
    markCamerasNear(hub.db, body.location, outcome.change.case.reportedAt, outcome.receipt.caseId);
    afterCommit(() => hub.cases.publishChange(outcome.change));
    return outcome.receipt;
  });

  route(app, hub, hubRoutes.board, ({ session }) => {
    requireRole(session.user, 'case.read');
    const closedSince = boardClosedSince(hub.now(), hub.reference.calendar);
    // Read the sequence first: a change landing in between is then re-sent by the feed, never lost.
    const lastSeq = lastChangeSeq(hub.db);
    const cases = listBoard(hub.db, scopeCodeOf(session.user), closedSince, BOARD_QUERY_LIMIT + 1);
    return { cases: cases.slice(0, BOARD_QUERY_LIMIT), lastSeq, truncated: cases.length > BOARD_QUERY_LIMIT };
  });

  route(app, hub, hubRoutes.caseChanges, ({ session, query }) => {
    requireRole(session.user, 'case.read');
    const changes = changesSince(hub.db, scopeCodeOf(session.user), query.since, CHANGES_PAGE);
    return { changes, lastSeq: changes.at(-1)?.seq ?? query.since };
  });

  route(app, hub, hubRoutes.caseDetail, ({ session, params }) => {
    requireRole(session.user, 'case.read');
    const c = readableCase(hub, session.user, params.caseId);
    const imported = importOrigin(hub.db, c.id);
    return { case: c, history: listHistory(hub.db, c.id), ...(imported ? { imported } : {}) };
  });

  route(app, hub, hubRoutes.kpis, ({ session, query }) => {
    return kpiReport(
      hub.db,
      hub.reference.calendar,
      session.user,
      { from: instantOf(query.from), to: instantOf(query.to), orgUnit: query.orgUnit },
      hub.now(),
    );
  });

  route(app, hub, hubRoutes.moveCase, ({ session, params, body, afterCommit }) => {
    const outcome = moveCase(hub, actorOf(session.user), params.caseId, body, hub.now());
    afterCommit(() => outcome.changed.forEach((change) => hub.cases.publishChange(change)));
    if (body.move.type === 'supervise') afterCommit(() => publishSupervisionAlert(hub, outcome.result));
    return outcome.result;
  });
}
