/**
 * Intake (信息采集 / 上报): a report becomes a case in the grid its point falls in. Runs synchronously inside the
 * caller's write transaction. Refusals are GridCommandErrors carrying the offending field; nothing is written then.
 */
import type { CaseChange, EventReceipt, EventReport } from '../../common/case-api.js';
import type { CaseSnapshot } from '../../common/cases.js';
import { GridCommandError } from '../../common/errors.js';
import { canAct } from '../../common/scope-policy.js';
import type { User } from '../../common/schemas.js';
import { resolveCategory } from '../../common/taxonomy.js';
import { appendChange, appendHistory, insertCase, openCasesNear } from './cases-store.js';
import { boxAround, distanceMetres } from '../org/distance.js';
import type { HubContext } from '../hub-context.js';
import { deskLimits } from '../../node-shared/desk-limits.js';

/** Handheld clocks drift; a report "from the future" beyond this is a wrong clock, not a report. */
const CLOCK_SKEW_MS = 5 * 60_000;

export interface IntakeOutcome {
  readonly receipt: EventReceipt;
  /** The push to send once the write is committed: the case as stored, so it is not read back. */
  readonly change: CaseChange;
}

export function reportEvent(hub: HubContext, reporter: User, report: EventReport, now: number): IntakeOutcome {
  // A report takes the reference version in effect when it reaches the hub, and keeps it for life.
  const ref = hub.reference.effectiveAt(now);
  const category = resolveCategory(ref.taxonomy, report);
  if (!category.ok) throw new GridCommandError('validation_failed', category.message, category.field);

  const gridCode = hub.gridLocator.locate(report.location.lon, report.location.lat);
  if (!gridCode) {
    throw new GridCommandError('outside_county', 'the location is outside the county', 'location');
  }
  if (!canAct(reporter, 'case.report', gridCode)) {
    throw new GridCommandError('forbidden', 'this location is outside your area', 'location');
  }
  const reportedAt = report.reportedAt ? Date.parse(report.reportedAt) : now;
  if (reportedAt > now + CLOCK_SKEW_MS) {
    throw new GridCommandError('validation_failed', 'reportedAt is in the future', 'reportedAt');
  }

  // The same thresholds as the desk's suggestions (resources/desk-limits.json).
  const { radiusM, windowHours } = deskLimits().duplicates;
  const duplicates = openCasesNear(
    hub.db,
    category.match.minor.code,
    boxAround(report.location, radiusM),
    reportedAt - windowHours * 3600_000,
  )
    .map((c) => ({
      caseId: c.caseId,
      distanceM: Math.round(distanceMetres(c.location, report.location)),
      reportedAt: c.reportedAt,
      status: c.status,
    }))
    .filter((d) => d.distanceM <= radiusM)
    .sort((a, b) => a.distanceM - b.distanceM);

  const snapshot: Omit<CaseSnapshot, 'id'> = {
    version: 1,
    status: 'reported',
    grade: report.grade ?? 'routine',
    source: report.source,
    categoryCode: category.match.minor.code,
    gridCode,
    handlingLevel: 'grid',
    ownerUnitCode: gridCode,
    legs: [],
    pauses: [],
    supervisions: [],
    reportedAt,
    supervisionCount: 0,
    reworkCount: 0,
    refVersion: ref.version,
    reporters: [
      {
        source: report.source,
        reportedAt,
        userId: reporter.id,
        ...(report.reporter?.name ? { name: report.reporter.name } : {}),
        ...(report.reporter?.phone ? { phone: report.reporter.phone } : {}),
      },
    ],
  };
  const view = insertCase(hub.db, {
    snapshot,
    description: report.description,
    location: report.location,
    photos: report.photos ?? [],
  });
  appendHistory(hub.db, {
    caseId: view.id,
    version: 1,
    at: now,
    actor: { userId: reporter.id, role: reporter.role, orgUnitCode: reporter.orgUnitCode },
    move: 'report',
    from: null,
    to: 'reported',
    ...(duplicates.length
      ? {
          noteCode: 'possible_duplicate' as const,
          noteParams: { caseIds: duplicates.map((d) => d.caseId).join(', ') },
        }
      : {}),
  });
  const seq = appendChange(hub.db, view.id, gridCode, now);
  return {
    change: { seq, case: view },
    receipt: { caseId: view.id, caseNo: view.caseNo, status: view.status, gridCode, duplicates },
  };
}
