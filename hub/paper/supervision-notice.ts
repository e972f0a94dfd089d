/**
 * The 督办单 (supervision notice): the numbered paper a late unit receives. One page: number, addressee (the handling
 * unit), what is late and since when, the requirement and the reply deadline, the case facts, the supervising unit
 * with room for its seal, and a receipt line for the unit's signature.
 */
import type { PaperText } from './paper-labels.js';
import { fieldTable, paperDate, paperDateTime, paperFooter, sectionTitle } from './paper-format.js';

export interface SupervisionNoticeData {
  /** 督办〔2026〕第0012号 */
  readonly number: string;
  readonly caseNo: string;
  readonly category: string;
  readonly grade: string;
  readonly source: string;
  readonly status: string;
  readonly place: string;
  readonly description: string;
  readonly reportedAt: number;
  /** The supervised leg's deadline (or the case's). */
  readonly dueAt: number | null;
  readonly supervisedAt: number;
  readonly replyBy: number;
  readonly supervisingUnit: string;
  readonly handlingUnit: string;
  readonly automatic: boolean;
  /** Who raised a manual 督办 (display name); absent when automatic. */
  readonly supervisedBy?: string;
  /** What the supervisor wrote; the standard requirement when absent. */
  readonly requirement?: string;
  readonly printedAt: number;
  readonly printedBy: string;
}

export function buildSupervisionNotice(data: SupervisionNoticeData, text: PaperText): Record<string, unknown> {
  const body = text.t('noticeBody', {
    caseNo: data.caseNo,
    category: data.category,
    grade: data.grade,
    due: paperDateTime(data.dueAt, text),
    at: paperDateTime(data.supervisedAt, text),
    reply: paperDateTime(data.replyBy, text),
  });
  return {
    footer: paperFooter(text, data.printedAt, data.printedBy),
    content: [
      { text: data.supervisingUnit, alignment: 'center', fontSize: 13, color: '#b00000', bold: true },
      { text: text.t('noticeTitle'), alignment: 'center', fontSize: 24, bold: true, color: '#b00000', margin: [0, 6] },
      {
        text: text.t('noticeNumber', { number: data.number }),
        alignment: 'center',
        fontSize: 11,
        margin: [0, 0, 0, 4],
      },
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: 495, y2: 0, lineWidth: 1.5, lineColor: '#b00000' }] },
      { text: text.t('noticeTo', { unit: data.handlingUnit }), bold: true, fontSize: 12, margin: [0, 14, 0, 6] },
      { text: body, fontSize: 11.5, lineHeight: 1.5, leadingIndent: text.lang === 'zh-CN' ? 23 : 0 },
      sectionTitle(text.t('noticeRequirement')),
      {
        text: data.requirement ?? text.t('noticeRequirementDefault'),
        fontSize: 11,
        lineHeight: 1.5,
        margin: [0, 0, 0, 6],
      },
      fieldTable([
        [text.t('noticeIssuedAt'), paperDateTime(data.supervisedAt, text)],
        [
          text.t('noticeKind'),
          data.automatic ? text.t('noticeAutomatic') : text.t('noticeManual', { name: data.supervisedBy ?? '—' }),
        ],
        [text.t('noticeReplyBy'), paperDateTime(data.replyBy, text)],
      ]),
      sectionTitle(text.t('caseFacts')),
      fieldTable([
        [text.t('caseNo'), data.caseNo],
        [text.t('category'), data.category],
        [text.t('grade'), data.grade],
        [text.t('source'), data.source],
        [text.t('status'), data.status],
        [text.t('place'), data.place],
        [text.t('reportedAt'), paperDateTime(data.reportedAt, text)],
        [text.t('dueAt'), paperDateTime(data.dueAt, text)],
        [text.t('description'), data.description],
      ]),
      {
        columns: [
          { text: text.t('noticeReceipt'), fontSize: 10, margin: [0, 30, 0, 0] },
          {
            width: 'auto',
            stack: [
              { text: data.supervisingUnit, alignment: 'right', fontSize: 11 },
              { text: text.t('noticeStamp'), alignment: 'right', fontSize: 9, color: '#666666' },
              { text: paperDate(data.supervisedAt, text), alignment: 'right', fontSize: 11 },
            ],
            margin: [0, 18, 0, 0],
          },
        ],
      },
    ],
  };
}
