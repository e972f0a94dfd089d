/**
 * The paper builders (hub/paper/): each document rendered with the embedded font and read back as a user's viewer
 * would — the text extracted by pdf-parse, the fonts it embeds — in both languages.
 */
import { describe, expect, it } from 'vitest';
import { computeKpis } from '../../common/kpi.js';
import { supervisionNoticeNumber } from '../../common/contract-paper.js';
import { buildCaseSheet, type CaseSheetData } from '../../hub/paper/case-sheet.js';
import { buildKpiMonthlyReport, type KpiMonthlyData } from '../../hub/paper/kpi-monthly-report.js';
import { paperText, paperWordKeys } from '../../hub/paper/paper-labels.js';
import { renderPdf } from '../../hub/paper/pdf-render.js';
import { buildSupervisionNotice, type SupervisionNoticeData } from '../../hub/paper/supervision-notice.js';
import { embeddedFonts, pdfText } from '../support/pdf-text.js';
import { bj, fact, HOUR, T1 } from './kpi-fixtures.js';

const at = bj('2026-11-20 09:30');

const notice = (overrides: Partial<SupervisionNoticeData> = {}): SupervisionNoticeData => ({
  number: supervisionNoticeNumber(2026, 12),
  caseNo: '20261117-004211',
  category: '城乡建设 · 违法建设',
  grade: '一般',
  source: '网格员上报',
  status: '处置中',
  place: '城关镇 / 东门社区 / 第07网格',
  description: '机耕道旁新建砖混棚屋约40平方米',
  reportedAt: at - 72 * HOUR,
  dueAt: at - 2 * HOUR,
  supervisedAt: at,
  replyBy: at + 24 * HOUR,
  supervisingUnit: 'X县社会治理指挥中心',
  handlingUnit: '城关镇',
  automatic: true,
  printedAt: at + HOUR,
  printedBy: '王敏',
  ...overrides,
});

const render = (doc: Record<string, unknown>, lang: 'zh-CN' | 'en' = 'zh-CN') =>
  renderPdf(doc, { title: 't', subject: 's', lang });

describe('the 督办单', () => {
  it('numbers notices 督办〔year〕第NNNN号', () => {
    expect(supervisionNoticeNumber(2026, 12)).toBe('督办〔2026〕第0012号');
    expect(supervisionNoticeNumber(2027, 12345)).toBe('督办〔2027〕第12345号');
  });

  it('is one page of real text: case number, notice number, both units, deadline and requirement', async () => {
    const pdf = await render(buildSupervisionNotice(notice({ requirement: '限明日12时前拆除' }), paperText('zh-CN')));
    const { text, pages } = await pdfText(pdf);
    expect(pages).toBe(1);
    for (const part of ['督办〔2026〕第0012号', '20261117-004211', '城关镇', 'X县社会治理指挥中心', '限明日12时前拆除'])
      expect(text).toContain(part);
    expect(text).toContain('2026年11月20日 07:30'); // the deadline, Beijing time
    expect(text).toContain('超时自动督办');
  });

  it('embeds the Noto Sans SC subset (regular and bold), not a system font', async () => {
    const pdf = await render(buildSupervisionNotice(notice(), paperText('zh-CN')));
    const fonts = embeddedFonts(pdf);
    expect(fonts).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^[A-Z]{6}\+NotoSansSC-Regular$/),
        expect.stringMatching(/^[A-Z]{6}\+NotoSansSC-Bold$/),
      ]),
    );
    // Subset: a one-page notice is tens of KB, not the 10 MB font.
    expect(pdf.length).toBeLessThan(200_000);
  });

  it('speaks English for an English console, names a manual supervisor, keeps Chinese names as they are', async () => {
    const pdf = await render(
      buildSupervisionNotice(notice({ automatic: false, supervisedBy: '李敏' }), paperText('en')),
      'en',
    );
    const { text } = await pdfText(pdf);
    expect(text).toContain('Supervision Notice');
    expect(text).toContain('No. 督办〔2026〕第0012号');
    expect(text).toContain('To 城关镇:');
    expect(text).toContain('By hand (李敏)');
    expect(text).toContain('2026-11-20 07:30');
  });
});

/** A 2×2 PNG. */
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP8z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
);

const sheet = (overrides: Partial<CaseSheetData> = {}): CaseSheetData => ({
  caseNo: '20261117-004211',
  category: '城乡建设 · 违法建设',
  grade: '一般',
  source: '网格员上报',
  status: '已结案',
  place: '城关镇 / 东门社区 / 第07网格',
  location: '112.21034°E, 25.91277°N',
  description: '机耕道旁新建砖混棚屋约40平方米',
  reporters: '网格员上报 李华 138****5678',
  reportedAt: at - 72 * HOUR,
  filedAt: at - 71 * HOUR,
  dueAt: at - 2 * HOUR,
  closedAt: at + 5 * HOUR,
  reworkCount: 0,
  rating: '',
  legs: [
    {
      unit: '城关镇',
      role: '主办',
      status: '已办结',
      dispatchedAt: at - 70 * HOUR,
      dueAt: at - 2 * HOUR,
      signedAt: at - 69 * HOUR,
      result: '已拆除违建，恢复通行',
    },
  ],
  steps: [
    { at: at - 72 * HOUR, move: '上报', actor: '李华（网格员）', change: '待受理', note: '' },
    { at: at - 71 * HOUR, move: '立案', actor: '王敏（县联动处置值班员）', change: '待受理 → 待派遣', note: '' },
    { at, move: '督办', actor: 'system', change: '处置中', note: '城关镇：超时自动督办' },
  ],
  supervisions: [{ at, unit: '城关镇', automatic: true, number: '督办〔2026〕第0012号' }],
  photos: [{ caption: '现场.png', mime: 'image/png', bytes: new Uint8Array(PNG) }],
  printedAt: at + 6 * HOUR,
  printedBy: '王敏',
  ...overrides,
});

describe('the case sheet', () => {
  it('holds the facts, every step of the timeline, the notice number and the photo', async () => {
    const pdf = await render(buildCaseSheet(sheet(), paperText('zh-CN')));
    const { text } = await pdfText(pdf);
    for (const part of [
      '案 件 处 置 单',
      '20261117-004211',
      '已拆除违建，恢复通行',
      '督办〔2026〕第0012号',
      '现场.png',
    ])
      expect(text).toContain(part);
    for (const step of ['上报', '立案', '督办']) expect(text).toContain(step);
    expect(Buffer.from(pdf).toString('latin1')).toContain('/Subtype /Image');
  });

  it('leaves out a photo whose bytes are not what its type says, and says there are none', async () => {
    const fake = { caption: 'x.jpg', mime: 'image/jpeg' as const, bytes: new Uint8Array(PNG) };
    const pdf = await render(buildCaseSheet(sheet({ photos: [fake] }), paperText('zh-CN')));
    expect(Buffer.from(pdf).toString('latin1')).not.toContain('/Subtype /Image');
    expect((await pdfText(pdf)).text).toContain('无照片');
  });
});

describe('the monthly KPI report', () => {
  const facts = [
    ...Array.from({ length: 30 }, () => fact({ reportedAt: bj('2026-11-05 09:00'), closedAt: bj('2026-11-05 19:00') })),
    ...Array.from({ length: 5 }, () => fact({ reportedAt: bj('2026-10-05 09:00'), closedAt: bj('2026-10-05 19:00') })),
    fact({ reportedAt: bj('2026-11-06 09:00'), status: 'in_progress', closedAt: null, dueAt: bj('2026-11-07 09:00') }),
  ];
  const from = bj('2026-11-01 00:00');
  const to = bj('2026-12-01 00:00');
  const asOf = bj('2026-11-28 10:00');
  const month = computeKpis(facts, { from, to, asOf, orgUnit: T1 });
  const year = computeKpis(facts, { from: bj('2025-12-01 00:00'), to, asOf, orgUnit: T1 });
  const data: KpiMonthlyData = {
    unitName: '城关镇',
    month: '2026-11',
    from,
    to,
    asOf,
    summary: month.summary,
    sources: month.sourceComposition.map((s) => ({ label: s.source, count: s.count, share: s.share })),
    categories: [{ label: '市容环境', count: 31 }],
    units: month.byUnit.map((g) => ({ name: '城关镇', figures: g })),
    trend: year.byMonth.map((g) => ({ month: g.key, received: g.received, closed: g.closed })),
    printedAt: asOf,
    printedBy: '陈刚',
  };

  it('prints the unit, the month and each rate with its basis, as the KPI view computes them', async () => {
    const { text } = await pdfText(await render(buildKpiMonthlyReport(data, paperText('zh-CN'))));
    expect(text).toContain('城关镇 2026年11月 网格化服务管理工作月报');
    expect(text).toContain('31 件'); // received
    const closure = month.summary.closureRate;
    expect(text).toContain(`${closure.numerator} / ${closure.denominator}`);
    expect(text).toContain(`${((closure.value ?? 0) * 100).toFixed(1)}%`);
    expect(text).toContain('2026年11月01日 至 2026年11月30日');
    // The trend's months are printed beside the chart as text.
    expect(text).toContain('26-10');
    expect(text).toContain('26-11');
  });

  it('flags a rate on fewer than 20 cases, in English too', async () => {
    const small = computeKpis(facts.slice(0, 5), { from, to, asOf, orgUnit: T1 });
    const { text } = await pdfText(
      await render(buildKpiMonthlyReport({ ...data, summary: small.summary }, paperText('en')), 'en'),
    );
    expect(text).toContain('Fewer than 20 cases: indicative only');
    expect(text).toContain('grid management report, 2026-11');
  });
});

describe('the paper words', () => {
  it('name the same keys in zh-CN and English', () => {
    expect(paperWordKeys('en')).toEqual(paperWordKeys('zh-CN'));
  });
});
