/**
 * Pushes a committed case change to every console whose scope holds the case: its grid's lineage (township,
 * county …) and the lineage of every org unit a leg was sent to. Departments are county bodies, so the county's
 * room already covers their legs.
 */
import type { CaseChange } from '../../common/case-api.js';
import { isOrgCode } from '../../common/org.js';
import type { ConsoleRealtime } from '../realtime/console-namespace.js';

export class CasePublisher {
  constructor(private readonly realtime: ConsoleRealtime) {}

  publishChange(change: CaseChange): void {
    const units = [change.case.gridCode, ...change.case.legs.map((leg) => leg.unitCode).filter(isOrgCode)];
    this.realtime.publishToUnits(units, 'case.changed', change);
  }
}
