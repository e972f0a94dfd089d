/**
 * Bulk import of the old platform's history (NDJSON, one event per line, with its past lifecycle). Each line is
 * validated like a live report, located in its grid, and stored as a case whose snapshot tells the same story:
 * who handled it, when it was due, when it closed. Re-importing an `externalId` is a no-op. One line's problem
 * rejects that line only, with its line number and reason.
 */
import { ImportLine, type CaseView, type ImportResult } from '../../common/case-api.js';
import type { CaseActor } from '../../common/case-machine.js';
import {
  CLOSED_STATUSES,
  mergedReporters,
  type CaseLeg,
  type CaseSnapshot,
  type HandlingLevel,
} from '../../common/cases.js';
import { legDeadline } from '../../common/deadline-table.js';
import { isDisputeCategory } from '../../common/dispute-outcomes.js';
import { describeZodIssue } from '../../common/errors.js';
import { isDepartmentCode } from '../../common/departments.js';
import { CODE_LENGTH, levelOfCode, lineageOf } from '../../common/org.js';
import { resolveCategory } from '../../common/taxonomy.js';
import { appendHistory, caseIdByExternalId, getCase, insertCase, nextCaseNo, saveCase } from './cases-store.js';
import { insertRating } from '../department-ratings/ratings-store.js';
import { appendCallback } from './callbacks-store.js';
import { needsCallback, type CaseCallback } from '../../common/cases/callback.js';
import type { HubContext } from '../hub-context.js';

/** Statuses at which a lead unit has been sent the case. */
const DISPATCHED: ReadonlySet<string> = new Set(['dispatched', 'in_progress', 'checking', 'closed', 'evaluated']);

/**
 * The imported lead leg's id while the line is checked; named like a live case's first leg (`<case no>-1`) once the
 * case number is known, since a leg id is unique across cases (department ratings are keyed by it).
 */
const LEAD_LEG = 'L1';

/** The reason an imported parked case shows: the old platform kept none. */
const LEDGER_REASON = '旧平台挂账 (imported ledger)';

type Built = { ok: true; snapshot: Omit<CaseSnapshot, 'id'>; line: ImportLine } | { ok: false; reason: string };

function build(hub: HubContext, actor: CaseActor, raw: unknown, now: number): Built {
  const parsed = ImportLine.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: describeZodIssue(parsed.error.issues).message };
  const line = parsed.data;
  // History is judged by the version in effect when it was reported (the seed's for anything before the first edit).
  const reportedAtMs = Date.parse(line.reportedAt);
  const ref = hub.reference.effectiveAt(reportedAtMs);
  const category = resolveCategory(ref.taxonomy, line);
  if (!category.ok) return { ok: false, reason: category.message };
  const gridCode = hub.gridLocator.locate(line.location.lon, line.location.lat);
  if (!gridCode) return { ok: false, reason: 'location: outside the county' };
  // The importer's own area (the administrator's is the county); who may import at all is the route's check.
  if (!lineageOf(gridCode).includes(actor.orgUnitCode)) return { ok: false, reason: 'location: outside your area' };

  const reportedAt = reportedAtMs;
  const closedAt = line.closedAt ? Date.parse(line.closedAt) : undefined;
  const dispatchedAt = line.dispatchedAt ? Date.parse(line.dispatchedAt) : undefined;
  const closed = CLOSED_STATUSES.includes(line.status);
  if (closed && closedAt === undefined) return { ok: false, reason: 'closedAt: a closed event needs closedAt' };
  if (!closed && closedAt !== undefined) return { ok: false, reason: 'closedAt: only closed events have closedAt' };
  if ((closedAt ?? Infinity) < reportedAt || (dispatchedAt ?? Infinity) < reportedAt) {
    return { ok: false, reason: 'reportedAt: times are out of order' };
  }
  const unit = line.handlingUnit;
  if (DISPATCHED.has(line.status) && unit === undefined && !closed) {
    return { ok: false, reason: 'handlingUnit: a dispatched event needs its handling unit' };
  }
  if (unit && !isDepartmentCode(unit) && !lineageOf(gridCode).includes(unit) && levelOfCode(unit) !== 'township') {
    return { ok: false, reason: 'handlingUnit: handling unit does not fit the grid' };
  }

  const callbacks: CaseCallback[] = (line.callbacks ?? []).map((c) => ({
    at: Date.parse(c.at),
    byUserId: actor.userId,
    outcome: c.outcome,
    ...(c.note ? { note: c.note } : {}),
  }));
  if (callbacks.length > 0 && !needsCallback(line.source)) {
    return { ok: false, reason: 'callbacks: only public and hotline reports are called back' };
  }
  if (callbacks.some((c) => c.at < reportedAt || (closedAt !== undefined && c.at > closedAt))) {
    return { ok: false, reason: 'callbacks: a call-back lies between the report and the closing' };
  }
  if ((line.status === 'merged') !== (line.mergedInto !== undefined)) {
    return { ok: false, reason: 'mergedInto: a merged line names the case it was merged into, and only it' };
  }
  const mergedInto = line.mergedInto === undefined ? undefined : caseIdByExternalId(hub.db, line.mergedInto);
  if (line.mergedInto !== undefined && mergedInto === undefined) {
    return { ok: false, reason: 'mergedInto: no such case imported before this line' };
  }
  const rating = line.departmentRating;
  if (rating && (!closed || unit === undefined || !isDepartmentCode(unit))) {
    return { ok: false, reason: 'departmentRating: only a closed case handled by a department is rated' };
  }
  if (rating && (Date.parse(rating.at) < (closedAt ?? Infinity) || Date.parse(rating.at) > now)) {
    return { ok: false, reason: 'departmentRating: a rating lies between the closing and now' };
  }
  if (line.disputeOutcome && !isDisputeCategory(category.match.minor.code)) {
    return { ok: false, reason: 'disputeOutcome: only a dispute (矛盾纠纷) has an outcome' };
  }
  if (line.disputeOutcome && !closed) return { ok: false, reason: 'disputeOutcome: only closed disputes have one' };
  const ledgerSince = line.ledgerSince ? Date.parse(line.ledgerSince) : undefined;
  if (ledgerSince !== undefined && (closed || unit === undefined || line.status !== 'in_progress')) {
    return { ok: false, reason: 'ledgerSince: only an open case in progress at a unit can be parked' };
  }
  if (ledgerSince !== undefined && ledgerSince < (dispatchedAt ?? reportedAt)) {
    return { ok: false, reason: 'ledgerSince: times are out of order' };
  }

  const grade = line.grade;
  // Who owned it: the grid when no unit was sent (小事不出网格); the county for a department; else the township
  // centre of the grid, which sends its own villages and grids work.
  const [countyCode, townshipCode] = lineageOf(gridCode) as [string, string];
  const handlingLevel: HandlingLevel = unit === undefined ? 'grid' : isDepartmentCode(unit) ? 'county' : 'township';
  const ownerUnitCode = unit === undefined ? gridCode : isDepartmentCode(unit) ? countyCode : townshipCode;
  const legs: CaseLeg[] = [];
  const legStart = dispatchedAt ?? reportedAt;
  if (unit !== undefined || closed) {
    const deadline = legDeadline({
      table: ref.deadlines,
      categoryCode: category.match.minor.code,
      grade,
      dispatchedAt: legStart,
      calendar: ref.calendar,
    });
    const done = closed && closedAt !== undefined;
    legs.push({
      id: LEAD_LEG,
      unitCode: unit ?? gridCode,
      role: 'lead',
      status: done
        ? 'done'
        : line.status === 'dispatched'
          ? 'dispatched'
          : line.status === 'checking'
            ? 'feedback'
            : 'signed',
      dispatchedAt: legStart,
      dueAt: line.dueAt ? Date.parse(line.dueAt) : deadline.dueAt,
      clock: deadline.clock,
      ...(!line.dueAt && deadline.provisional ? { dueProvisional: true as const } : {}),
      ...(line.status !== 'dispatched' ? { signedAt: legStart } : {}),
      ...(done ? { doneAt: closedAt } : {}),
    });
  }
  const snapshot: Omit<CaseSnapshot, 'id'> = {
    version: 1,
    status: line.status,
    grade,
    source: line.source,
    categoryCode: category.match.minor.code,
    refVersion: ref.version,
    gridCode,
    handlingLevel,
    ownerUnitCode,
    legs,
    // A parked case (挂账) stays parked: its ledger was approved and runs until the lead feeds back.
    pauses:
      ledgerSince !== undefined
        ? [{ kind: 'ledger', legId: LEAD_LEG, state: 'approved', from: ledgerSince, reason: LEDGER_REASON }]
        : [],
    supervisions: [],
    reportedAt,
    ...(!['reported', 'verifying', 'merged'].includes(line.status) ? { filedAt: legStart } : {}),
    ...(dispatchedAt !== undefined ? { dispatchedAt } : {}),
    ...(legs[0]?.dueAt !== undefined ? { dueAt: legs[0].dueAt } : {}),
    ...(closedAt !== undefined ? { closedAt } : {}),
    supervisionCount: 0,
    reworkCount: line.reworkCount ?? 0,
    reporters: [{ source: line.source, reportedAt }],
    ...(callbacks.length > 0 ? { callbacks } : {}),
    ...(mergedInto !== undefined ? { mergedInto } : {}),
    ...(line.disputeOutcome && closedAt !== undefined
      ? { disputeOutcome: { ...line.disputeOutcome, at: closedAt } }
      : {}),
  };
  return { ok: true, snapshot, line };
}

/**
 * Imports parsed lines (objects) — the HTTP route feeds NDJSON lines parsed one by one, the demo county feeds its
 * generated history. Runs in the caller's transaction; `batchId` ties the cases to their import batch.
 */
export function importEvents(
  hub: HubContext,
  actor: CaseActor,
  lines: Iterable<unknown>,
  now: number,
  batchId?: string,
): ImportResult {
  const result: { imported: number; skipped: number; rejected: Array<{ line: number; reason: string }> } = {
    imported: 0,
    skipped: 0,
    rejected: [],
  };
  let n = 0;
  const seen = new Set<string>();
  for (const raw of lines) {
    n += 1;
    if (raw === BLANK_LINE) continue;
    if (raw instanceof Error) {
      result.rejected.push({ line: n, reason: raw.message });
      continue;
    }
    const built = build(hub, actor, raw, now);
    if (!built.ok) {
      result.rejected.push({ line: n, reason: built.reason });
      continue;
    }
    const { line, snapshot } = built;
    if (seen.has(line.externalId) || caseIdByExternalId(hub.db, line.externalId)) {
      result.skipped += 1;
      continue;
    }
    seen.add(line.externalId);
    const legId = `${nextCaseNo(hub.db, snapshot.reportedAt)}-1`;
    const view = insertCase(hub.db, {
      snapshot: {
        ...snapshot,
        legs: snapshot.legs.map((l) => ({ ...l, id: legId })),
        pauses: snapshot.pauses.map((p) => ({ ...p, legId })),
      },
      description: line.description,
      location: line.location,
      photos: [],
      externalId: line.externalId,
      ...(batchId !== undefined ? { importBatchId: batchId } : {}),
    });
    appendHistory(hub.db, {
      caseId: view.id,
      version: 1,
      at: now,
      actor: { userId: actor.userId, role: actor.role, orgUnitCode: actor.orgUnitCode },
      move: 'import',
      from: null,
      to: view.status,
      noteCode: 'imported_from',
      noteParams: { externalId: line.externalId },
    });
    // The call-back log the KPIs count from (回访率, 满意率), as for a live call-back.
    for (const callback of snapshot.callbacks ?? []) appendCallback(hub.db, view.id, callback);
    if (snapshot.mergedInto !== undefined) mergeReportersInto(hub, actor, snapshot.mergedInto, view, now);
    // The village's rating of the department, on the village's behalf: the old platform kept no rater account.
    if (line.departmentRating && line.handlingUnit) {
      insertRating(hub.db, {
        legId,
        caseId: view.id,
        gridCode: view.gridCode,
        departmentCode: line.handlingUnit,
        score: line.departmentRating.score,
        note: line.departmentRating.note ?? null,
        byUserId: actor.userId,
        byUnitCode: view.gridCode.slice(0, CODE_LENGTH.village),
        at: Date.parse(line.departmentRating.at),
      });
    }
    result.imported += 1;
  }
  return result;
}

/** The case a duplicate was merged into keeps its reporters too, and says so, as after a live merge. */
function mergeReportersInto(hub: HubContext, actor: CaseActor, targetId: string, merged: CaseView, now: number) {
  const target = getCase(hub.db, targetId)!;
  const { description: _d, location: _l, photos: _p, caseNo: _n, ...snapshot } = target;
  const next = {
    ...snapshot,
    version: snapshot.version + 1,
    reporters: mergedReporters(snapshot.reporters, merged.reporters),
  };
  saveCase(hub.db, next, target.version);
  appendHistory(hub.db, {
    caseId: targetId,
    version: next.version,
    at: now,
    actor: { userId: actor.userId, role: actor.role, orgUnitCode: actor.orgUnitCode },
    move: 'merge',
    from: target.status,
    to: target.status,
    noteCode: 'merged_in',
    noteParams: { caseId: merged.id },
  });
}

/** Marks a blank NDJSON line: counted for line numbers, otherwise ignored. */
export const BLANK_LINE = Symbol('blank line');

/**
 * NDJSON text → parsed lines, lazily (the route parses a chunk at a time, between which the hub serves others); a
 * line that is not JSON becomes an Error carrying the reason.
 */
export function* ndjsonLines(text: string): Generator<unknown> {
  for (let at = 0; at <= text.length;) {
    const end = text.indexOf('\n', at);
    const line = text.slice(at, end === -1 ? text.length : end);
    at = end === -1 ? text.length + 1 : end + 1;
    if (line.trim() === '') {
      yield BLANK_LINE;
      continue;
    }
    try {
      yield JSON.parse(line) as unknown;
    } catch {
      yield new Error('not valid JSON');
    }
  }
}
