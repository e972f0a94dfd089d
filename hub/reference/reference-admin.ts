/**
 * The administrative acts on reference data: a new taxonomy / deadline-table version and a working-calendar year
 * import. Both run inside one group-committed write: every check happens first, a refusal writes nothing, and the
 * in-memory source is rebuilt only from what was committed. Also the calendar's readiness fact for /api/v1/ready.
 */
import { parseCalendarImport, type CalendarImport } from '../../common/calendar-years.js';
import { GridCommandError } from '../../common/errors.js';
import {
  checkReferenceEdit,
  type CalendarYearInfo,
  type ReferenceEdit,
  type ReferenceVersion,
} from '../../common/reference-versions.js';
import type { User } from '../../common/schemas.js';
import { holdsValidPost } from '../../common/scope-policy.js';
import type { HubContext } from '../hub-context.js';
import { beijingYearOf } from './reference-source.js';
import { insertReferenceVersion, upsertCalendarYear, usedCategoryCodes } from './reference-store.js';

export function requireReferenceAdmin(user: User): void {
  if (user.role !== 'admin' || !holdsValidPost(user)) {
    throw new GridCommandError('forbidden', 'only an administrator may change reference data', undefined, 403);
  }
}

/**
 * A new version from an administrator's edit, in effect from now: cases entered from now on take it, cases already
 * stored keep theirs. Refused (409 `conflict`) when another version was saved since the one the edit started from,
 * and (409 `category_in_use`) when it drops a category cases are filed under.
 */
export function createReferenceVersion(hub: HubContext, user: User, edit: ReferenceEdit): ReferenceVersion {
  requireReferenceAdmin(user);
  const latest = hub.reference.latestVersion;
  if (edit.basedOn !== latest.version) {
    throw new GridCommandError(
      'conflict',
      `version ${latest.version} was saved after the version ${edit.basedOn} this edit started from; reload it`,
      'basedOn',
      undefined,
      { latest: latest.version },
    );
  }
  const issues = checkReferenceEdit(edit, usedCategoryCodes(hub.db));
  const first = issues[0];
  if (first) {
    const inUse = first.path === 'taxonomy';
    throw new GridCommandError(inUse ? 'category_in_use' : 'validation_failed', first.message, first.path, undefined, {
      issues: issues.length,
    });
  }
  const now = hub.now();
  const version: ReferenceVersion = {
    version: latest.version + 1,
    // Never before the version it follows, even if the clock was set back meanwhile.
    effectiveFrom: Math.max(now, latest.effectiveFrom),
    createdAt: now,
    createdBy: user.id,
    reason: edit.reason,
    taxonomy: edit.taxonomy,
    deadlines: edit.deadlines,
  };
  insertReferenceVersion(hub.db, {
    version: version.version,
    effective_from: version.effectiveFrom,
    created_at: version.createdAt,
    created_by: version.createdBy,
    reason: version.reason,
    taxonomy: JSON.stringify(version.taxonomy),
    deadlines: JSON.stringify(version.deadlines),
  });
  return version;
}

/**
 * Imports (or re-imports) one calendar year, overriding the package's data for it. Every problem is reported by
 * line (CSV) or path (JSON) in one refusal (400 `calendar_import_invalid`); nothing is written then.
 */
export function importCalendarYear(hub: HubContext, user: User, year: number, input: CalendarImport): void {
  requireReferenceAdmin(user);
  const parsed = parseCalendarImport(year, input);
  if (!parsed.ok) {
    const first = parsed.issues[0]!;
    throw new GridCommandError(
      'calendar_import_invalid',
      parsed.issues.map((i) => `${i.where}: ${i.message}`).join('; '),
      first.where,
      undefined,
      { issues: parsed.issues.length, where: first.where },
    );
  }
  upsertCalendarYear(hub.db, {
    year,
    holidays: JSON.stringify(parsed.year.holidays),
    makeup_workdays: JSON.stringify(parsed.year.makeupWorkdays),
    imported_at: hub.now(),
    imported_by: user.id,
    note: input.note ?? null,
  });
}

export interface CalendarReadiness {
  /** False when this year (Beijing) has no calendar data: working-time deadlines are being counted Mon–Fri. */
  readonly ok: boolean;
  readonly currentYear: number;
  /** This year and next year, where missing: import them or update `chinese-days`. */
  readonly missingYears: number[];
  readonly years: CalendarYearInfo[];
}

/**
 * The working calendar's readiness fact for `/api/v1/ready`: not ready when the current year has no data (every
 * working-time deadline is provisional); next year missing is named in `missingYears` but leaves it ready, because
 * the package is usually updated only after the State Council's notice late in the year.
 */
export function referenceDataReadiness(hub: HubContext, now: number = hub.now()): CalendarReadiness {
  const currentYear = beijingYearOf(now);
  const years = hub.reference.calendarYears(now).filter((y) => y.year >= currentYear);
  const missingYears = years.filter((y) => y.source === 'missing').map((y) => y.year);
  return { ok: !missingYears.includes(currentYear), currentYear, missingYears, years };
}
