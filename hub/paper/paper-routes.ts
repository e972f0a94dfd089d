/**
 * GET the papers as PDF (common/contract-paper.ts PAPER_ROUTES): the 督办单, the case sheet and the monthly KPI
 * report. Scoped like what they print (paper-data.ts); a refusal is the usual JSON error and renders nothing.
 * Rendering runs on the hub's thread (tens of ms a page, see README "Paper"), after the data is read.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import { PAPER_ROUTES, PDF_CONTENT_TYPE } from '../../common/contract-paper.js';
import type { HubContext } from '../hub-context.js';
import { bearerToken, parseWith } from '../http/route.js';
import { NO_CASE_PHOTOS, type CasePhotoSource } from './case-photo-source.js';
import { buildCaseSheet } from './case-sheet.js';
import { buildKpiMonthlyReport } from './kpi-monthly-report.js';
import { caseSheetData, kpiMonthlyData, supervisionNoticeData } from './paper-data.js';
import { paperText } from './paper-labels.js';
import { renderPdf } from './pdf-render.js';
import { buildSupervisionNotice } from './supervision-notice.js';

/** `attachment` with an ASCII fallback name and the real (UTF-8) one, RFC 6266 / 5987. */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^A-Za-z0-9._-]+/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function sendPdf(reply: FastifyReply, pdf: Buffer, fileName: string): FastifyReply {
  return reply
    .header('cache-control', 'no-store')
    .header('content-disposition', contentDisposition(fileName))
    .type(PDF_CONTENT_TYPE)
    .send(pdf);
}

export function registerPaperRoutes(
  app: FastifyInstance,
  hub: HubContext,
  photos: CasePhotoSource = NO_CASE_PHOTOS,
): void {
  app.get(PAPER_ROUTES.supervisionNotice.path, async (request, reply) => {
    const { user } = hub.auth.authenticate(bearerToken(request));
    const { caseId } = parseWith(PAPER_ROUTES.supervisionNotice.params, request.params);
    const query = parseWith(PAPER_ROUTES.supervisionNotice.query, request.query);
    const text = paperText(query.lang);
    const data = await supervisionNoticeData(hub, user, caseId, query.lang, query.supervision);
    const pdf = await renderPdf(buildSupervisionNotice(data, text), {
      title: `${text.t('noticeTitle').replace(/\s+/g, '')} ${data.number}`,
      subject: data.caseNo,
      lang: query.lang,
    });
    const stem = query.lang === 'zh-CN' ? `督办单-${data.caseNo}-${data.number}` : `supervision-notice-${data.caseNo}`;
    return sendPdf(reply.header('x-supervision-notice', encodeURIComponent(data.number)), pdf, `${stem}.pdf`);
  });

  app.get(PAPER_ROUTES.caseSheet.path, async (request, reply) => {
    const { user } = hub.auth.authenticate(bearerToken(request));
    const { caseId } = parseWith(PAPER_ROUTES.caseSheet.params, request.params);
    const query = parseWith(PAPER_ROUTES.caseSheet.query, request.query);
    const text = paperText(query.lang);
    const data = await caseSheetData(hub, user, caseId, query.lang, photos);
    const pdf = await renderPdf(buildCaseSheet(data, text), {
      title: `${text.t('sheetTitle').replace(/\s+/g, '')} ${data.caseNo}`,
      subject: data.caseNo,
      lang: query.lang,
    });
    return sendPdf(reply, pdf, query.lang === 'zh-CN' ? `案件单-${data.caseNo}.pdf` : `case-sheet-${data.caseNo}.pdf`);
  });

  app.get(PAPER_ROUTES.kpiMonthly.path, async (request, reply) => {
    const { user } = hub.auth.authenticate(bearerToken(request));
    const query = parseWith(PAPER_ROUTES.kpiMonthly.query, request.query);
    const text = paperText(query.lang);
    const data = kpiMonthlyData(hub, user, query.month, query.orgUnit, query.lang);
    const pdf = await renderPdf(buildKpiMonthlyReport(data, text), {
      title: data.unitName,
      subject: query.month,
      lang: query.lang,
    });
    const stem = query.lang === 'zh-CN' ? `月报-${data.unitName}-${query.month}` : `monthly-report-${query.month}`;
    return sendPdf(reply, pdf, `${stem}.pdf`);
  });
}
