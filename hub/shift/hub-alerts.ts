/**
 * Alerts the hub knows first (issue 15 §3): a leg going overdue (the supervision timer's automatic 督办 — for the
 * unit holding the leg and for the county), a 督办 a person raised against a unit (for that unit), a camera lent to
 * a room (for that room). Each is derived from its durable record (supervisions, camera_grants), so a console that
 * was closed meanwhile still finds it; it is pushed on the console socket to exactly the rooms it is for.
 *
 * Acknowledgements are per user and kept on the hub (alert_acks): in a room with two consoles each officer
 * acknowledges for themselves (an alert one officer saw says nothing about the other), and an officer who moves to
 * another console or reloads finds their acknowledgements there.
 */
import type { CaseView } from '../../common/case-api.js';
import { GridCommandError } from '../../common/errors.js';
import { levelOfCode } from '../../common/org.js';
import { roleAllows, type Principal } from '../../common/scope-policy.js';
import { ALERT_WINDOW_MS, MAX_ALERTS_LISTED, type HubAlert, type HubAlertPush } from '../../common/shift-schemas.js';
import { getMeta } from '../db/meta-store.js';
import type { HubContext } from '../hub-context.js';
import {
  acknowledgeAlerts,
  acknowledgedAlertIds,
  grantAlertRow,
  grantAlertRows,
  latestSupervision,
  supervisionAlertRows,
  type GrantAlertRow,
  type SupervisionAlertRow,
} from './alerts-store.js';

type Alert = HubAlertPush['alert'];

function supervisionAlert(row: SupervisionAlertRow): Alert {
  const automatic = row.automatic === 1;
  return {
    id: `sup:${row.id}`,
    kind: automatic ? 'leg_overdue' : 'supervised',
    // A person's 督办 against my unit is the louder one: someone above is asking for it by name.
    severity: automatic ? 'warning' : 'serious',
    at: row.at,
    unitCode: row.unit_code,
    caseId: row.case_no,
  };
}

function grantAlert(row: GrantAlertRow): Alert {
  return {
    id: `grant:${row.id}`,
    kind: 'camera_loan',
    severity: 'warning',
    at: row.granted_at,
    unitCode: row.grantee_unit_code,
    ...(row.case_id ? { caseId: row.case_id } : {}),
    cameraName: row.camera_name,
    until: row.until,
  };
}

function requireConsole(user: Principal): void {
  if (!roleAllows(user, 'console.use')) throw new GridCommandError('forbidden', 'alerts are for console users');
}

/** The user's alerts of the last 7 days, newest first, each marked with the user's own acknowledgement. */
export function listAlerts(hub: HubContext, user: Principal & { id: string }): HubAlert[] {
  requireConsole(user);
  const since = hub.now() - ALERT_WINDOW_MS;
  const county = levelOfCode(user.orgUnitCode) === 'county';
  const alerts = [
    ...supervisionAlertRows(hub.db, user.orgUnitCode, county, since, MAX_ALERTS_LISTED).map(supervisionAlert),
    ...grantAlertRows(hub.db, user.orgUnitCode, since, MAX_ALERTS_LISTED).map(grantAlert),
  ]
    .sort((a, b) => b.at - a.at)
    .slice(0, MAX_ALERTS_LISTED);
  const acked = acknowledgedAlertIds(
    hub.db,
    user.id,
    alerts.map((a) => a.id),
  );
  return alerts.map((a) => ({ ...a, acknowledged: acked.has(a.id) }));
}

/**
 * Records the user's acknowledgements. Only ids of alerts the user is shown count: an id outside the list (another
 * unit's, made up) is refused, so the table holds nothing a user could not see.
 */
export function acknowledge(hub: HubContext, user: Principal & { id: string }, ids: readonly string[]): void {
  const mine = new Set(listAlerts(hub, user).map((a) => a.id));
  const foreign = ids.filter((id) => !mine.has(id));
  if (foreign.length > 0) {
    throw new GridCommandError('not_found', `no such alert for you: ${foreign[0]}`, 'ids');
  }
  acknowledgeAlerts(hub.db, user.id, ids, hub.now());
}

/** After a committed 督办 move: push its alert to the supervised unit's room (and the county's when automatic). */
export function publishSupervisionAlert(hub: HubContext, c: CaseView): void {
  const last = c.supervisions.at(-1);
  const row = last && latestSupervision(hub.db, c.id, last.unitCode);
  if (!row) return;
  const alert = supervisionAlert(row);
  const county = getMeta(hub.db, 'county_code');
  const rooms = alert.kind === 'leg_overdue' && county ? [row.unit_code, county] : [row.unit_code];
  hub.realtime.publishToRooms(rooms, 'alert.raised', { alert });
}

/** After a camera grant is committed: tell the borrowing room its camera has arrived. */
export function publishGrantAlert(hub: HubContext, grantId: string): void {
  const row = grantAlertRow(hub.db, grantId);
  if (row) hub.realtime.publishToRooms([row.grantee_unit_code], 'alert.raised', { alert: grantAlert(row) });
}
