/**
 * The verifying desk's routes and console calls (issue 15 §3): duplicate suggestions for a case (side by side, to
 * merge with one click) and the number of suggestions per card. Merging and call-backs are moves of the case
 * machine (`merge`, `callback`) and go through `moveCase` / `cases.move` like every move. Spread into `hubRoutes`
 * and `consoleCalls` (common/contract.ts).
 */
import { z } from 'zod';
import { CaseView } from './case-api.js';
import type { ConsoleCall, HubRoute } from './contract.js';
import { Empty } from './schemas.js';

const CaseParams = z.strictObject({ caseId: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a case id') });

/** An open case that looks like the same matter: same minor category, close in place and time. */
export const DuplicateSuggestion = z.strictObject({
  case: CaseView,
  distanceM: z.number().nonnegative(),
  /** Hours between the two reports (absolute). */
  hoursApart: z.number().nonnegative(),
});
export type DuplicateSuggestion = z.infer<typeof DuplicateSuggestion>;

export const DuplicateList = z.strictObject({
  caseId: z.string(),
  /** The thresholds applied (resources/desk-limits.json), for the drawer to say what "duplicate" meant. */
  radiusM: z.number().positive(),
  windowHours: z.number().positive(),
  suggestions: z.array(DuplicateSuggestion),
});
export type DuplicateList = z.infer<typeof DuplicateList>;

/** Per case at intake that the caller may merge: how many suggestions it has (cases with none are left out). */
export const DuplicateCounts = z.strictObject({
  counts: z.array(z.strictObject({ caseId: z.string(), count: z.number().int().positive() })),
});
export type DuplicateCounts = z.infer<typeof DuplicateCounts>;

export const deskHubRoutes = {
  caseDuplicates: {
    method: 'GET',
    path: '/api/v1/cases/:caseId/duplicates',
    auth: true,
    body: Empty,
    params: CaseParams,
    response: DuplicateList,
  },
  duplicateCounts: {
    method: 'GET',
    path: '/api/v1/cases/duplicate-counts',
    auth: true,
    body: Empty,
    response: DuplicateCounts,
  },
} as const satisfies Record<string, HubRoute>;

export const deskConsoleCalls = {
  'cases.duplicates': { request: z.strictObject({ caseId: z.string().min(1).max(64) }), response: DuplicateList },
  'cases.duplicateCounts': { request: Empty, response: DuplicateCounts },
} as const satisfies Record<string, ConsoleCall>;
