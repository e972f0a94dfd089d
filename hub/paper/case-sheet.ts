/**
 * The case sheet (案件处置单): the case's facts, its legs (who handled what, by when, with what result), every step
 * of its history in order, the 督办 raised on it (with their notice numbers, when printed) and its photos.
 */
import type { PaperText } from './paper-labels.js';
import { fieldTable, gridTable, paperDateTime, paperFooter, sectionTitle } from './paper-format.js';
import { printablePhoto, type CasePhoto } from './case-photo-source.js';

export interface CaseSheetLeg {
  readonly unit: string;
  readonly role: string;
  readonly status: string;
  readonly dispatchedAt: number;
  readonly dueAt: number | null;
  readonly signedAt: number | null;
  readonly result: string;
}

export interface CaseSheetStep {
  readonly at: number;
  readonly move: string;
  readonly actor: string;
  readonly change: string;
  readonly note: string;
}

export interface CaseSheetSupervision {
  readonly at: number;
  readonly unit: string;
  readonly number: string | null;
  readonly automatic: boolean;
}

export interface CaseSheetData {
  readonly caseNo: string;
  readonly category: string;
  readonly grade: string;
  readonly source: string;
  readonly status: string;
  readonly place: string;
  readonly location: string;
  readonly description: string;
  readonly reporters: string;
  readonly reportedAt: number;
  readonly filedAt: number | null;
  readonly dueAt: number | null;
  readonly closedAt: number | null;
  readonly reworkCount: number;
  readonly rating: string;
  readonly legs: readonly CaseSheetLeg[];
  readonly steps: readonly CaseSheetStep[];
  readonly supervisions: readonly CaseSheetSupervision[];
  readonly photos: readonly CasePhoto[];
  readonly printedAt: number;
  readonly printedBy: string;
}

const PHOTO_WIDTH = 240;

function photoBlock(photos: readonly CasePhoto[], text: PaperText): unknown[] {
  const printable = photos.filter(printablePhoto);
  if (printable.length === 0) return [{ text: text.t('noPhotos'), color: '#666666' }];
  const cells = printable.map((p) => ({
    stack: [
      {
        image: `data:${p.mime};base64,${Buffer.from(p.bytes).toString('base64')}`,
        fit: [PHOTO_WIDTH, 180],
      },
      { text: p.at ? `${p.caption} · ${paperDateTime(p.at, text)}` : p.caption, fontSize: 8, color: '#444444' },
    ],
    margin: [0, 0, 0, 8],
  }));
  const rows: unknown[] = [];
  for (let i = 0; i < cells.length; i += 2) {
    rows.push({ columns: [cells[i], cells[i + 1] ?? { text: '' }], columnGap: 14 });
  }
  return rows;
}

export function buildCaseSheet(data: CaseSheetData, text: PaperText): Record<string, unknown> {
  const none = text.t('none');
  return {
    footer: paperFooter(text, data.printedAt, data.printedBy),
    content: [
      { text: text.t('sheetTitle'), alignment: 'center', fontSize: 20, bold: true, margin: [0, 0, 0, 4] },
      { text: `${text.t('caseNo')}：${data.caseNo}`, alignment: 'center', fontSize: 11, margin: [0, 0, 0, 8] },
      sectionTitle(text.t('caseFacts')),
      fieldTable([
        [text.t('caseNo'), data.caseNo],
        [text.t('category'), data.category],
        [text.t('grade'), data.grade],
        [text.t('source'), data.source],
        [text.t('status'), data.status],
        [text.t('place'), data.place],
        [text.t('location'), data.location],
        [text.t('reporters'), data.reporters || none],
        [text.t('reportedAt'), paperDateTime(data.reportedAt, text)],
        [text.t('filedAt'), paperDateTime(data.filedAt, text)],
        [text.t('dueAt'), paperDateTime(data.dueAt, text)],
        [text.t('closedAt'), paperDateTime(data.closedAt, text)],
        [text.t('rework'), String(data.reworkCount)],
        [text.t('rating'), data.rating || none],
        [text.t('description'), data.description],
      ]),
      sectionTitle(text.t('legs')),
      data.legs.length === 0
        ? { text: none, margin: [0, 0, 0, 8] }
        : gridTable(
            [
              text.t('legUnit'),
              text.t('legRole'),
              text.t('legStatus'),
              text.t('legDispatched'),
              text.t('legDue'),
              text.t('legSigned'),
              text.t('legFeedback'),
            ],
            data.legs.map((l) => [
              l.unit,
              l.role,
              l.status,
              paperDateTime(l.dispatchedAt, text),
              paperDateTime(l.dueAt, text),
              paperDateTime(l.signedAt, text),
              l.result,
            ]),
            [70, 30, 40, 58, 58, 58, '*'],
            8,
          ),
      sectionTitle(text.t('supervisions')),
      data.supervisions.length === 0
        ? { text: none, margin: [0, 0, 0, 8] }
        : gridTable(
            [text.t('noticeIssuedAt'), text.t('noticeHandlingUnit'), text.t('noticeKind'), text.t('noticeNumberShort')],
            data.supervisions.map((s) => [
              paperDateTime(s.at, text),
              s.unit,
              s.automatic ? text.t('noticeAutomatic') : text.t('noticeManualShort'),
              s.number ?? '—',
            ]),
            [90, '*', 90, 130],
          ),
      sectionTitle(text.t('timeline')),
      gridTable(
        [
          text.t('timelineAt'),
          text.t('timelineMove'),
          text.t('timelineActor'),
          text.t('timelineStatus'),
          text.t('timelineNote'),
        ],
        data.steps.map((s) => [paperDateTime(s.at, text), s.move, s.actor, s.change, s.note]),
        [78, 52, 110, 80, '*'],
        8,
      ),
      sectionTitle(text.t('photos')),
      ...photoBlock(data.photos, text),
    ],
  };
}
