/** Paper (PDF) in English; typed against zh-CN/paper.ts. */
import type { SameKeys } from '../same-keys.js';
import type { paper as zh } from '../zh-CN/paper.js';

export const paper: SameKeys<typeof zh> = {
  printNotice: 'Print supervision notice',
  printSheet: 'Print case sheet',
  monthlyPdf: 'Monthly report PDF',
  print: 'Print',
  download: 'Download PDF',
  downloadNotice: 'Download supervision notice (PDF)',
  downloadSheet: 'Download case sheet (PDF)',
  downloadMonthly: 'Download monthly report (PDF)',
  preparing: 'Preparing the PDF…',
  opened: 'Opened in the PDF viewer; print from there',
  failed: 'Could not make the PDF: {{message}}',
  popupBlocked: 'The browser blocked the new tab; the PDF was downloaded instead',
  noticeFile: 'supervision-notice-{{caseNo}}.pdf',
  sheetFile: 'case-sheet-{{caseNo}}.pdf',
  monthlyFile: 'monthly-report-{{unit}}-{{month}}.pdf',
  month: 'Month',
};
