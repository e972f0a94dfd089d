/**
 * The alert centre's list: every alert of the session in one place (a new serious case, a report waiting past its
 * intake limit, an offline move the hub refused), newest first, each acknowledged by a person. Kept per user in
 * this console's localStorage so a reload does not lose what nobody has acknowledged yet; at most 100 are kept.
 * Raising an alert plays the sound of its severity once (alert-sound.ts); the same alert id is never raised twice.
 *
 * Alerts the hub knows first (an overdue leg, a 督办 against my unit, a camera lent to my room — `HUB_KINDS`) come
 * from the hub's list and pushes (hub-alert-feed.ts); their acknowledgement is the user's, kept on the hub, so it
 * follows the officer to another console and survives a cleared browser. The hub's word wins over local state.
 */
import { create } from 'zustand';
import type { HubAlert } from '../../../common/shift-schemas.js';
import { call } from '../bridge/index.js';
import { playAlertSound, type AlertSeverity } from './alert-sound.js';
import { readPref, writePref } from './local-prefs.js';

export const HUB_ALERT_KINDS = ['leg_overdue', 'supervised', 'camera_loan'] as const;
export const ALERT_KINDS = ['serious_case', 'intake_late', 'outbox_refused', ...HUB_ALERT_KINDS] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertItem {
  /** Stable per cause (`serious:<caseId>`), so one cause never raises two alerts. */
  readonly id: string;
  readonly kind: AlertKind;
  readonly severity: AlertSeverity;
  readonly at: number;
  readonly caseId?: string;
  readonly caseNo?: string;
  /** Already worded detail (category · place, a refusal message), shown under the title. */
  readonly detail?: string;
  /** A hub alert: the unit it is about, and for a lent camera its name and until when. */
  readonly unitCode?: string;
  readonly cameraName?: string;
  readonly until?: number;
  readonly acknowledged: boolean;
}

const isHubAlert = (alert: Pick<AlertItem, 'kind'>) => (HUB_ALERT_KINDS as readonly string[]).includes(alert.kind);

const MAX_ALERTS = 100;
const SEVERITIES: readonly AlertSeverity[] = ['serious', 'warning', 'info'];

function parseAlerts(value: unknown): AlertItem[] | null {
  if (!Array.isArray(value)) return null;
  return value.filter(
    (a): a is AlertItem =>
      typeof a === 'object' &&
      a !== null &&
      typeof a.id === 'string' &&
      (ALERT_KINDS as readonly string[]).includes(a.kind) &&
      SEVERITIES.includes(a.severity) &&
      typeof a.at === 'number' &&
      typeof a.acknowledged === 'boolean',
  );
}

interface AlertStore {
  userId: string | null;
  alerts: readonly AlertItem[];
  load(userId: string): void;
  /**
   * Adds the alert (newest first) and plays its sound unless `quiet` (a caller raising many at once plays one);
   * false when an alert with this id was already raised.
   */
  raise(alert: Omit<AlertItem, 'acknowledged'>, quiet?: boolean): boolean;
  acknowledge(id: string): void;
  acknowledgeAll(): void;
  /** The hub's list (on sign-in, after a reconnect): adds what is missing quietly, takes the hub's acknowledgements. */
  mergeHub(items: readonly HubAlert[]): void;
}

/** Tells the hub; a failed call leaves the local acknowledgement, and the next list from the hub corrects it. */
function acknowledgeOnHub(ids: readonly string[]): void {
  if (ids.length > 0) void call('alerts.acknowledge', { ids: [...ids] }).catch(() => undefined);
}

export function hubAlertItem(alert: Omit<HubAlert, 'acknowledged'>): Omit<AlertItem, 'acknowledged'> {
  return {
    id: alert.id,
    kind: alert.kind,
    severity: alert.severity,
    at: alert.at,
    unitCode: alert.unitCode,
    ...(alert.caseId ? { caseId: alert.caseId, caseNo: alert.caseId } : {}),
    ...(alert.cameraName ? { cameraName: alert.cameraName } : {}),
    ...(alert.until ? { until: alert.until } : {}),
  };
}

/** Every id raised in this session, beyond the kept 100, so a cause that fell off the list is not raised again. */
let seen = new Set<string>();

function persist(userId: string | null, alerts: readonly AlertItem[]): void {
  if (userId) writePref(userId, 'alerts', alerts);
}

export const useAlertStore = create<AlertStore>()((set, get) => ({
  userId: null,
  alerts: [],
  load(userId) {
    if (get().userId === userId) return;
    const alerts = readPref(userId, 'alerts', parseAlerts) ?? [];
    seen = new Set(alerts.map((a) => a.id));
    set({ userId, alerts });
  },
  raise(alert, quiet = false) {
    const { userId, alerts } = get();
    if (seen.has(alert.id)) return false;
    seen.add(alert.id);
    const next = [{ ...alert, acknowledged: false }, ...alerts].slice(0, MAX_ALERTS);
    persist(userId, next);
    set({ alerts: next });
    if (!quiet) playAlertSound(alert.severity);
    return true;
  },
  acknowledge(id) {
    const alert = get().alerts.find((a) => a.id === id);
    if (alert && isHubAlert(alert) && !alert.acknowledged) acknowledgeOnHub([id]);
    const next = get().alerts.map((a) => (a.id === id ? { ...a, acknowledged: true } : a));
    persist(get().userId, next);
    set({ alerts: next });
  },
  acknowledgeAll() {
    acknowledgeOnHub(
      get()
        .alerts.filter((a) => !a.acknowledged && isHubAlert(a))
        .map((a) => a.id),
    );
    const next = get().alerts.map((a) => (a.acknowledged ? a : { ...a, acknowledged: true }));
    persist(get().userId, next);
    set({ alerts: next });
  },
  mergeHub(items) {
    const { userId, alerts } = get();
    const fromHub = new Map(items.map((a) => [a.id, a]));
    const known = new Set(alerts.map((a) => a.id));
    const updated = alerts.map((a) => {
      const hub = fromHub.get(a.id);
      return hub && hub.acknowledged !== a.acknowledged ? { ...a, acknowledged: hub.acknowledged } : a;
    });
    const added = items
      .filter((a) => !known.has(a.id))
      .map((a) => ({ ...hubAlertItem(a), acknowledged: a.acknowledged }));
    added.forEach((a) => seen.add(a.id));
    const next = [...added, ...updated].sort((a, b) => b.at - a.at).slice(0, MAX_ALERTS);
    persist(userId, next);
    set({ alerts: next });
  },
}));

/** Unacknowledged alerts, and whether a serious one is among them (the badge turns red). */
export function openAlerts(alerts: readonly AlertItem[]): { count: number; serious: boolean } {
  const open = alerts.filter((a) => !a.acknowledged);
  return { count: open.length, serious: open.some((a) => a.severity === 'serious') };
}
