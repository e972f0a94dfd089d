/**
 * The shift (issue 15 §4) and the hub's alerts (§3): the duty roster of a command room (值班表), shift handovers
 * (交接班) with the open serious / overdue cases of the room's scope attached as a snapshot, and alerts the hub
 * knows first (a leg going overdue, a 督办 against my unit, a loaned camera arriving), acknowledged per user.
 * Times cross the wire as ISO 8601 with an offset in requests and as epoch milliseconds in answers, like cases.
 */
import { z } from 'zod';
import { CaseGrade, CaseStatus, EpochMs } from './cases.js';
import { OrgCode } from './schemas.js';
import { BoundedDateOrTime, BoundedDateTime, instantOf } from './time-range.js';

/** One shift is at most a day and a half (a 24-hour duty plus overlap for the handover). */
export const MAX_SHIFT_MS = 36 * 3600_000;
/** A roster query spans at most 62 days (a month grid with its edges). */
export const MAX_ROSTER_SPAN_MS = 62 * 24 * 3600_000;
export const MAX_HANDOVER_NOTE = 4000;
/** Cases attached to one handover at most; a larger load is marked `truncated` (the note should say why). */
export const MAX_HANDOVER_CASES = 1000;

const Id = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not an id');
export const DutyIdParams = z.strictObject({ id: Id });

/** A person as the roster and handovers show them. */
export const DutyPerson = z.strictObject({ userId: z.string(), displayName: z.string() });
export type DutyPerson = z.infer<typeof DutyPerson>;

export const DutyShift = z.strictObject({
  id: z.string(),
  roomCode: OrgCode,
  officer: DutyPerson,
  startsAt: EpochMs,
  endsAt: EpochMs,
  note: z.string(),
  createdBy: DutyPerson,
  createdAt: EpochMs,
});
export type DutyShift = z.infer<typeof DutyShift>;

/** A shift to add to the caller's own room. */
export const DutyShiftInput = z
  .strictObject({
    officerUserId: z.string().min(1).max(64),
    startsAt: BoundedDateTime,
    endsAt: BoundedDateTime,
    note: z.string().trim().max(200).default(''),
  })
  .refine((s) => Date.parse(s.endsAt) > Date.parse(s.startsAt), {
    message: 'a shift ends after it starts',
    path: ['endsAt'],
  })
  .refine((s) => Date.parse(s.endsAt) - Date.parse(s.startsAt) <= MAX_SHIFT_MS, {
    message: 'a shift lasts at most 36 hours',
    path: ['endsAt'],
  });
export type DutyShiftInput = z.input<typeof DutyShiftInput>;

/** A period of a room's roster; the room defaults to the caller's own (a county user may name a room in scope). */
export const RosterQuery = z
  .strictObject({ from: BoundedDateOrTime, to: BoundedDateOrTime, room: OrgCode.optional() })
  .refine((q) => instantOf(q.to) > instantOf(q.from), { message: 'the period ends after it starts', path: ['to'] })
  .refine((q) => instantOf(q.to) - instantOf(q.from) <= MAX_ROSTER_SPAN_MS, {
    message: 'a roster period spans at most 62 days',
    path: ['to'],
  });
export type RosterQuery = z.input<typeof RosterQuery>;

export const DutyRoster = z.strictObject({
  roomCode: OrgCode,
  roomName: z.string(),
  /** The caller may add and remove shifts of this room (its director / the county duty officers). */
  editable: z.boolean(),
  shifts: z.array(DutyShift),
  /** People who may be put on this room's roster (its console users, administrators excepted). */
  officers: z.array(DutyPerson),
});
export type DutyRoster = z.infer<typeof DutyRoster>;

/** Who is on duty now in the caller's room (the header's indicator); null when nobody is rostered. */
export const OnDutyNow = z.strictObject({
  roomCode: OrgCode,
  shift: DutyShift.nullable(),
  /** The next shift after now, if any (so the header can say who comes next when nobody is on). */
  next: DutyShift.nullable(),
});
export type OnDutyNow = z.infer<typeof OnDutyNow>;

/** A case as the handover froze it: number, state and why it was attached. */
export const HandoverCase = z.strictObject({
  caseId: z.string(),
  status: CaseStatus,
  grade: CaseGrade,
  categoryCode: z.string(),
  dueAt: EpochMs.nullable(),
  overdue: z.boolean(),
  serious: z.boolean(),
});
export type HandoverCase = z.infer<typeof HandoverCase>;

export const Handover = z.strictObject({
  id: z.string(),
  roomCode: OrgCode,
  writtenBy: DutyPerson,
  writtenAt: EpochMs,
  /** The writer's shift when the handover was written during one. */
  shiftId: z.string().nullable(),
  note: z.string(),
  acknowledgedBy: DutyPerson.nullable(),
  acknowledgedAt: EpochMs.nullable(),
  cases: z.array(HandoverCase),
  truncated: z.boolean(),
});
export type Handover = z.infer<typeof Handover>;

export const HandoverInput = z.strictObject({
  note: z.string().trim().min(1, 'the handover note is required').max(MAX_HANDOVER_NOTE),
});
export type HandoverInput = z.input<typeof HandoverInput>;

/** The handover history: period, officer (writer or acknowledger), words of the note; newest first. */
export const HandoverQuery = z.strictObject({
  from: BoundedDateOrTime.optional(),
  to: BoundedDateOrTime.optional(),
  officer: z.string().max(64).optional(),
  text: z.string().trim().max(100).optional(),
  room: OrgCode.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});
export type HandoverQuery = z.input<typeof HandoverQuery>;

/** A history row without its case list (opened one by one), but with how many cases it holds. */
export const HandoverSummary = Handover.omit({ cases: true }).extend({ caseCount: z.number().int().nonnegative() });
export type HandoverSummary = z.infer<typeof HandoverSummary>;
export const HandoverList = z.strictObject({ items: z.array(HandoverSummary) });
export type HandoverList = z.infer<typeof HandoverList>;

// --- Alerts the hub knows first ---------------------------------------------------------------------------------

export const HUB_ALERT_KINDS = ['leg_overdue', 'supervised', 'camera_loan'] as const;
export const HubAlertKind = z.enum(HUB_ALERT_KINDS);
export type HubAlertKind = z.infer<typeof HubAlertKind>;

/**
 * One alert, derived from a durable record (a supervision row, a camera grant), so it exists whether or not a
 * console was open when it happened. `id` is stable (`sup:<n>`, `grant:<uuid>`); `acknowledged` is the caller's own.
 */
export const HubAlert = z.strictObject({
  id: z.string().regex(/^(sup|grant):[A-Za-z0-9-]{1,64}$/),
  kind: HubAlertKind,
  severity: z.enum(['serious', 'warning', 'info']),
  at: EpochMs,
  /** The unit the alert is about (the supervised leg's unit, the borrowing room). */
  unitCode: z.string(),
  caseId: z.string().optional(),
  /** A camera loan: which camera, until when. */
  cameraName: z.string().optional(),
  until: EpochMs.optional(),
  acknowledged: z.boolean(),
});
export type HubAlert = z.infer<typeof HubAlert>;

/** A pushed alert: the units whose consoles it is for (exact rooms, not their parents). */
export const HubAlertPush = z.strictObject({ alert: HubAlert.omit({ acknowledged: true }) });
export type HubAlertPush = z.infer<typeof HubAlertPush>;

export const HubAlertList = z.strictObject({ items: z.array(HubAlert) });
export type HubAlertList = z.infer<typeof HubAlertList>;
export const AlertAckRequest = z.strictObject({ ids: z.array(HubAlert.shape.id).min(1).max(200) });
export type AlertAckRequest = z.infer<typeof AlertAckRequest>;
/** How far back the alert list reaches. */
export const ALERT_WINDOW_MS = 7 * 24 * 3600_000;
export const MAX_ALERTS_LISTED = 200;
