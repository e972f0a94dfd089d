/**
 * A case id from a client, checked by the one rule of common/cases/case-holders.ts. The case page itself
 * (`readableCase`) and every case a request cites — a stream ticket's reason, a camera grant, a merge target — go
 * through `heldCase`, so "may this user see this case" has one answer everywhere. A case outside the caller's scope
 * gets the same answer as one that does not exist: ids cannot be probed.
 */
import type { CaseView } from '../../common/case-api.js';
import { canSeeCase, caseHolders } from '../../common/cases/case-holders.js';
import { OPEN_STATUSES } from '../../common/cases.js';
import { GridCommandError } from '../../common/errors.js';
import { isWithinScope } from '../../common/org.js';
import type { Principal } from '../../common/scope-policy.js';
import type { HubDatabase } from '../db/database.js';
import { getCase } from './cases-store.js';

/** The case, when it exists and the principal holds it. */
export function heldCase(db: HubDatabase, principal: Principal, caseId: string): CaseView | undefined {
  const c = getCase(db, caseId);
  return c && canSeeCase(principal, caseHolders(c)) ? c : undefined;
}

/**
 * A case cited in a request body (`field` names where): it must exist, be held by the caller and still be open —
 * a grant or a viewing reason bound to a finished case would outlive it. Refusals: `unknown_case` (404),
 * `case_not_open` (409).
 */
export function requireCitedCase(db: HubDatabase, principal: Principal, caseId: string, field: string): CaseView {
  const c = heldCase(db, principal, caseId);
  if (!c) throw new GridCommandError('unknown_case', `No case ${caseId} in your scope`, field, 404);
  if (!OPEN_STATUSES.includes(c.status)) {
    throw new GridCommandError('case_not_open', `Case ${caseId} is no longer open (${c.status})`, field, 409);
  }
  return c;
}

/** Does a unit (a grant's grantee room) hold the case, itself or through a unit below it? */
export function unitHoldsCase(unitCode: string, c: CaseView): boolean {
  return caseHolders(c).some((code) => isWithinScope(unitCode, code));
}
