/**
 * Automatic supervision (督办): every tick, each open leg past its (pause-adjusted) deadline that has not yet been
 * supervised since it fell due gets a `supervise` move by the hub's own system principal, recorded against the
 * leg's unit. Runs through the same state machine and write path as a person's move.
 */
import type { CaseActor } from '../../common/case-machine.js';
import { legsDueForSupervision } from '../../common/case-sla.js';
import { GridCommandError } from '../../common/errors.js';
import { getMeta } from '../db/meta-store.js';
import { getCase, overdueOpenCaseIds } from './cases-store.js';
import type { HubContext } from '../hub-context.js';
import { moveCase } from './moves.js';
import { publishSupervisionAlert } from '../shift/hub-alerts.js';

export const SYSTEM_USER_ID = 'system:supervision';

/**
 * One pass over every open case past its nominal deadline (the pause-adjusted check is the machine's); returns how
 * many supervisions were raised. Cases already supervised since they fell due are passed over cheaply.
 */
export async function superviseOverdue(
  hub: HubContext,
  limit = 20_000,
  stopped: () => boolean = () => false,
): Promise<number> {
  const county = getMeta(hub.db, 'county_code');
  if (!county) return 0;
  const system: CaseActor = { userId: SYSTEM_USER_ID, role: 'county_duty_officer', orgUnitCode: county };
  const now = hub.now();
  let raised = 0;
  for (const caseId of overdueOpenCaseIds(hub.db, now, limit)) {
    if (stopped()) break; // the hub is closing: leave the rest to the next start
    const snapshot = getCase(hub.db, caseId);
    if (!snapshot) continue;
    for (const leg of legsDueForSupervision(snapshot, now, hub.reference.calendar)) {
      try {
        const outcome = await hub.writes.run(() => {
          const fresh = getCase(hub.db, caseId)!;
          return moveCase(
            hub,
            system,
            caseId,
            {
              expectedVersion: fresh.version,
              move: { type: 'supervise', legId: leg.id, automatic: true },
            },
            now,
          );
        });
        outcome.changed.forEach((change) => hub.cases.publishChange(change));
        publishSupervisionAlert(hub, outcome.result);
        raised += 1;
      } catch (err) {
        // Usually the case moved on in between (signed, closed …: a refused move); the next tick looks again.
        // Anything else (a failed commit) is worth a warning.
        if (err instanceof GridCommandError) hub.log.debug({ caseId, code: err.code }, 'automatic supervision skipped');
        else hub.log.warn({ err, caseId }, 'automatic supervision failed');
      }
    }
  }
  return raised;
}

/** Starts the timer; the returned stop waits for a pass in progress, so the database can then be closed. */
export function startSupervisionTimer(
  hub: HubContext,
  intervalMs = 30_000,
  onPass: (raised: number) => void = () => {},
): () => Promise<void> {
  let running: Promise<unknown> | null = null;
  let stopped = false;
  const timer = setInterval(() => {
    if (running) return;
    running = superviseOverdue(hub, undefined, () => stopped)
      .then(onPass)
      .finally(() => (running = null));
  }, intervalMs);
  timer.unref();
  return async () => {
    stopped = true;
    clearInterval(timer);
    await running;
  };
}
