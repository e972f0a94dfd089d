/**
 * Pushes a committed case change to every console whose scope holds the case (common/cases/case-holders.ts): the
 * lineage of each holding org unit. Departments are county bodies, so the county's room already covers their legs.
 */
import type { CaseChange } from '../../common/case-api.js';
import { caseHolders } from '../../common/cases/case-holders.js';
import { isOrgCode } from '../../common/org.js';
import type { ConsoleRealtime } from '../realtime/console-namespace.js';

export class CasePublisher {
  constructor(private readonly realtime: ConsoleRealtime) {}

  publishChange(change: CaseChange): void {
    const units = caseHolders(change.case).filter(isOrgCode);
    this.realtime.publishToUnits(units, 'case.changed', change);
  }
}
