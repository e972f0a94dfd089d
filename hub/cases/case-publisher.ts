/**
 * Pushes a committed case change to every console whose scope holds the case (common/cases/case-holders.ts): the
 * lineage of each holding org unit, and the room of each department holding a leg (its officers' consoles; the
 * county's room covers departments already, as county bodies).
 */
import type { CaseChange } from '../../common/case-api.js';
import { caseHolders } from '../../common/cases/case-holders.js';
import { isDepartmentCode } from '../../common/departments.js';
import { isOrgCode } from '../../common/org.js';
import type { ConsoleRealtime } from '../realtime/console-namespace.js';

export class CasePublisher {
  constructor(private readonly realtime: ConsoleRealtime) {}

  publishChange(change: CaseChange): void {
    const units = caseHolders(change.case).filter((code) => isOrgCode(code) || isDepartmentCode(code));
    this.realtime.publishToUnits(units, 'case.changed', change);
  }
}
