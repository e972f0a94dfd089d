/**
 * Paper (issue 15 §5): the 督办单 (supervision notice), the case sheet and a unit's monthly KPI report as PDF.
 *
 * The hub renders them (it holds the case, its history, its photos and the KPI figures, and allocates the notice's
 * number), so the routes answer `application/pdf`, not JSON: like the map's events they are registered apart
 * (hub/paper/paper-routes.ts) and described here. Each is scoped exactly like the JSON it prints: a case outside the
 * caller's subtree is 404, a unit outside it 403. The console hands the bytes to the renderer (`paper.fetch`) or,
 * in Electron, opens them in the system's PDF viewer (`paper.open`).
 */
import { z } from 'zod';
import type { ConsoleCall } from './contract.js';

export const PDF_CONTENT_TYPE = 'application/pdf';

/** The language the paper is written in: the user's console language. */
export const PAPER_LANGUAGES = ['zh-CN', 'en'] as const;
export const PaperLanguage = z.enum(PAPER_LANGUAGES);
export type PaperLanguage = z.infer<typeof PaperLanguage>;

const CaseIdText = z.string().regex(/^[A-Za-z0-9-]{1,64}$/, 'not a case id');
/** A calendar month in Beijing time, 'YYYY-MM'. */
export const PaperMonth = z.string().regex(/^20\d\d-(0[1-9]|1[0-2])$/, 'not a month (YYYY-MM)');

export const PaperCaseParams = z.strictObject({ caseId: CaseIdText });
export const SupervisionNoticeQuery = z.strictObject({
  lang: PaperLanguage.default('zh-CN'),
  /** Which 督办 of the case (1 = the first); default: the latest. */
  supervision: z.coerce.number().int().positive().max(1000).optional(),
});
export const CaseSheetQuery = z.strictObject({ lang: PaperLanguage.default('zh-CN') });
export const KpiMonthlyQuery = z.strictObject({
  lang: PaperLanguage.default('zh-CN'),
  month: PaperMonth,
  /** Org code in the caller's scope or (county level) a department code; default: the caller's unit. */
  orgUnit: z.string().max(32).optional(),
});

/** The binary routes; `fileName` comes back in Content-Disposition (RFC 5987, UTF-8). */
export const PAPER_ROUTES = {
  supervisionNotice: {
    path: '/api/v1/cases/:caseId/paper/supervision-notice.pdf',
    params: PaperCaseParams,
    query: SupervisionNoticeQuery,
  },
  caseSheet: { path: '/api/v1/cases/:caseId/paper/case-sheet.pdf', params: PaperCaseParams, query: CaseSheetQuery },
  kpiMonthly: { path: '/api/v1/stats/kpis/monthly-report.pdf', query: KpiMonthlyQuery },
} as const;

/**
 * The 督办单's number, allocated once per supervision (on its first printing) and never changed: a county-wide
 * sequence per year of the 督办, e.g. 督办〔2026〕第0012号.
 */
export function supervisionNoticeNumber(year: number, seq: number): string {
  return `督办〔${year}〕第${String(seq).padStart(4, '0')}号`;
}

/** What the console asks for: one of the three papers. */
export const PaperRequest = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('supervisionNotice'),
    caseId: CaseIdText,
    lang: PaperLanguage,
    supervision: z.number().int().positive().max(1000).optional(),
  }),
  z.strictObject({ kind: z.literal('caseSheet'), caseId: CaseIdText, lang: PaperLanguage }),
  z.strictObject({
    kind: z.literal('kpiMonthly'),
    month: PaperMonth,
    orgUnit: z.string().max(32).optional(),
    lang: PaperLanguage,
  }),
]);
export type PaperRequest = z.infer<typeof PaperRequest>;

export const PaperOpened = z.strictObject({ opened: z.boolean() });

/** No JSON hub routes: the papers are binary (PAPER_ROUTES above). */
export const paperHubRoutes = {} as const;

export const paperConsoleCalls = {
  /** The PDF's bytes (a download, or a tab in the browser host); the hub's refusal as for the case or KPIs. */
  'paper.fetch': { request: PaperRequest, response: z.instanceof(Uint8Array) },
  /** Electron: fetched and opened in the system's PDF viewer (`opened: true`); the web host answers `false`. */
  'paper.open': { request: PaperRequest, response: PaperOpened },
} as const satisfies Record<string, ConsoleCall>;
