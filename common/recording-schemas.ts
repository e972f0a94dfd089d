/** Recording and playback (回放): what the console asks and what the hub answers (common/contract-recording.ts). */
import { z } from 'zod';
import { CaseId, CaseStatus } from './cases.js';
import { BoundedDateTime } from './time-range.js';

/** One playback ticket covers at most a day: a longer investigation asks again, and each ask is audited. */
export const MAX_PLAYBACK_RANGE_MS = 24 * 3600_000;

export const RecordingRangeQuery = z
  .strictObject({ from: BoundedDateTime, to: BoundedDateTime })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= 31 * 24 * 3600_000, {
    message: 'at most 31 days at a time',
    path: ['to'],
  });
export type RecordingRangeQuery = z.input<typeof RecordingRangeQuery>;

const Span = z.strictObject({ from: z.string(), to: z.string() });

/** Recorded spans of one camera inside the asked range, and the gaps between them (stops, outages, retention). */
export const RecordingSpans = z.strictObject({ cameraId: z.string(), spans: z.array(Span), gaps: z.array(Span) });
export type RecordingSpans = z.infer<typeof RecordingSpans>;

export const PlaybackRequest = z
  .strictObject({
    from: BoundedDateTime,
    to: BoundedDateTime,
    reason: z.string().trim().max(200).optional(),
    caseId: CaseId.optional(),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_PLAYBACK_RANGE_MS, {
    message: 'at most 24 hours per ticket',
    path: ['to'],
  });
export type PlaybackRequest = z.input<typeof PlaybackRequest>;

/** An HLS VOD playlist of [from, to] (EXT-X-PROGRAM-DATE-TIME per segment, a discontinuity at every gap). */
export const PlaybackTicket = z.strictObject({ url: z.string(), expiresAt: z.string(), spans: z.array(Span) });
export type PlaybackTicket = z.infer<typeof PlaybackTicket>;

/** A clip is evidence of a moment, not an archive copy: at most ten minutes. */
export const MAX_CLIP_MS = 10 * 60_000;

export const ClipExportRequest = z
  .strictObject({
    caseId: CaseId,
    from: BoundedDateTime,
    to: BoundedDateTime,
    reason: z.string().trim().max(200).optional(),
  })
  .refine((q) => Date.parse(q.to) > Date.parse(q.from), { message: 'to must be after from', path: ['to'] })
  .refine((q) => Date.parse(q.to) - Date.parse(q.from) <= MAX_CLIP_MS, {
    message: 'at most 10 minutes per clip',
    path: ['to'],
  });
export type ClipExportRequest = z.input<typeof ClipExportRequest>;

/** A case reported near a camera (within the event-mark radius), for the playback timeline's markers. */
export const CaseMark = z.strictObject({
  id: CaseId,
  number: z.string(),
  category: z.string(),
  reportedAt: z.string(),
  status: CaseStatus,
});
export type CaseMark = z.infer<typeof CaseMark>;

/** At most this many markers per answer: a timeline of an hour has no room for more. */
export const MAX_CASE_MARKS = 500;

export const CaseMarks = z.strictObject({ cameraId: z.string(), cases: z.array(CaseMark) });
export type CaseMarks = z.infer<typeof CaseMarks>;
