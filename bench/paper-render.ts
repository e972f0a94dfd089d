/**
 * Paper (issue 15 §5): how big the three PDFs are and how long the hub takes to render them, on typical content —
 * a one-page 督办单, a case sheet with a 14-step timeline and four 1280×960 JPEG photos, and a township's monthly
 * report (figures, a twelve-month trend, sources, categories, units). The first render also reads the two Noto Sans
 * SC weights (~10 MB each) into memory; later ones reuse them. Prints cold and median warm times and sizes.
 *
 *   npx tsx bench/paper-render.ts [--runs=5] [--out=/tmp/papers]   (--out keeps the PDFs to look at)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeKpis, type CaseFacts } from '../common/kpi.js';
import { resolveFfmpegPath } from '../hub/media/ffmpeg-binary.js';
import { buildCaseSheet, type CaseSheetData } from '../hub/paper/case-sheet.js';
import { buildKpiMonthlyReport } from '../hub/paper/kpi-monthly-report.js';
import { paperText } from '../hub/paper/paper-labels.js';
import { renderPdf } from '../hub/paper/pdf-render.js';
import { buildSupervisionNotice } from '../hub/paper/supervision-notice.js';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RUNS = Number(arg('runs', '5'));
const OUT = arg('out', '');

const HOUR = 3_600_000;
const now = Date.parse('2026-11-28T10:00:00+08:00');
const zh = paperText('zh-CN');

async function jpegPhotos(count: number): Promise<Uint8Array[]> {
  const ffmpeg = await resolveFfmpegPath();
  const dir = mkdtempSync(join(tmpdir(), 'paper-bench-'));
  try {
    return Array.from({ length: count }, (_, i) => {
      const file = join(dir, `p${i}.jpg`);
      execFileSync(ffmpeg, [
        '-v',
        'error',
        '-f',
        'lavfi',
        '-i',
        `testsrc2=size=1280x960:rate=1`,
        '-ss',
        String(i),
        '-frames:v',
        '1',
        '-q:v',
        '4',
        file,
      ]);
      return new Uint8Array(readFileSync(file));
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const notice = () =>
  buildSupervisionNotice(
    {
      number: '督办〔2026〕第0012号',
      caseNo: '20261125-004211',
      category: '城乡建设 · 违法建设',
      grade: '一般',
      source: '网格员上报',
      status: '处置中',
      place: '城关镇 / 东门社区 / 第07网格',
      description: '东门社区3组村民在机耕道旁新建砖混棚屋约40平方米，未办理任何手续，已影响农机通行。',
      reportedAt: now - 72 * HOUR,
      dueAt: now - 6 * HOUR,
      supervisedAt: now - 5 * HOUR,
      replyBy: now + 19 * HOUR,
      supervisingUnit: 'X县社会治理指挥中心',
      handlingUnit: '城关镇',
      automatic: true,
      printedAt: now,
      printedBy: '值班员 王敏',
    },
    zh,
  );

function sheet(photos: Uint8Array[]): CaseSheetData {
  const moves = [
    '上报',
    '立案',
    '派遣',
    '签收',
    '申请延期',
    '延期审批',
    '督办',
    '处置反馈',
    '核查',
    '处置反馈',
    '核查',
    '评价',
    '督办',
    '签收',
  ];
  return {
    caseNo: '20261125-004211',
    category: '城乡建设 · 违法建设',
    grade: '一般',
    source: '网格员上报',
    status: '已结案',
    place: '城关镇 / 东门社区 / 第07网格',
    location: '112.21034°E, 25.91277°N',
    description: '东门社区3组村民在机耕道旁新建砖混棚屋约40平方米，未办理任何手续，已影响农机通行。',
    reporters: '网格员上报 李华 138****5678',
    reportedAt: now - 72 * HOUR,
    filedAt: now - 71 * HOUR,
    dueAt: now - 6 * HOUR,
    closedAt: now - HOUR,
    reworkCount: 1,
    rating: '4/5 处置及时',
    legs: [
      {
        unit: '城关镇',
        role: '主办',
        status: '已办结',
        dispatchedAt: now - 70 * HOUR,
        dueAt: now - 6 * HOUR,
        signedAt: now - 69 * HOUR,
        result: '已会同住建部门拆除违建，现场恢复通行。',
      },
      {
        unit: '县住房和城乡建设局',
        role: '协办',
        status: '已办结',
        dispatchedAt: now - 70 * HOUR,
        dueAt: now - 6 * HOUR,
        signedAt: now - 68 * HOUR,
        result: '出具违建认定意见。',
      },
    ],
    steps: moves.map((move, i) => ({
      at: now - (72 - i * 5) * HOUR,
      move,
      actor: '王敏（县联动处置值班员）',
      change: '处置中',
      note: i % 3 === 0 ? '城关镇：按要求处理并反馈现场照片' : '',
    })),
    supervisions: [{ at: now - 5 * HOUR, unit: '城关镇', automatic: true, number: '督办〔2026〕第0012号' }],
    photos: photos.map((bytes, i) => ({
      caption: `现场照片${i + 1}.jpg`,
      mime: 'image/jpeg' as const,
      bytes,
      at: now - 60 * HOUR,
    })),
    printedAt: now,
    printedBy: '值班员 王敏',
  };
}

function monthly() {
  const facts: CaseFacts[] = [];
  const sources = [
    'grid_worker',
    'grid_worker',
    'grid_worker',
    'public',
    'hotline',
    'video_patrol',
    'department',
  ] as const;
  for (let i = 0; i < 4800; i++) {
    const reportedAt = now - Math.floor((i / 4800) * 335) * 24 * HOUR;
    const closed = i % 17 !== 0;
    facts.push({
      id: `B${i}`,
      status: closed ? 'closed' : 'in_progress',
      grade: i % 11 === 0 ? 'serious' : i % 3 === 0 ? 'general' : 'routine',
      source: sources[i % sources.length]!,
      categoryCode: ['0201', '0404', '0101', '0301'][i % 4]!,
      gridCode: '431099001001001',
      handlingLevel: i % 5 === 0 ? 'township' : 'grid',
      unitCode: i % 6 === 0 ? 'dept:zhujian' : '431099001',
      reportedAt,
      filedAt: reportedAt + HOUR,
      closedAt: closed ? reportedAt + 20 * HOUR : null,
      dueAt: reportedAt + 24 * HOUR,
      reworkCount: i % 23 === 0 ? 1 : 0,
      supervisionCount: i % 29 === 0 ? 1 : 0,
      rating: closed ? 3 + (i % 3) : null,
    });
  }
  const from = Date.parse('2026-11-01T00:00:00+08:00');
  const to = Date.parse('2026-12-01T00:00:00+08:00');
  const report = computeKpis(facts, { from, to, asOf: now, orgUnit: '431099001' });
  const trend = computeKpis(facts, {
    from: Date.parse('2025-12-01T00:00:00+08:00'),
    to,
    asOf: now,
    orgUnit: '431099001',
  });
  return buildKpiMonthlyReport(
    {
      unitName: '城关镇',
      month: '2026-11',
      from,
      to,
      asOf: now,
      summary: report.summary,
      sources: report.sourceComposition.map((s) => ({
        label: zh.label('source', s.source),
        count: s.count,
        share: s.share,
      })),
      categories: [
        { label: '城乡建设', count: 120 },
        { label: '市容环境', count: 96 },
        { label: '社会治安', count: 71 },
        { label: '矛盾纠纷调处', count: 58 },
      ],
      units: report.byUnit.map((g) => ({
        name: g.key === 'dept:zhujian' ? '县住房和城乡建设局' : '城关镇',
        figures: g,
      })),
      trend: trend.byMonth.map((g) => ({ month: g.key, received: g.received, closed: g.closed })),
      printedAt: now,
      printedBy: '主任 陈刚',
    },
    zh,
  );
}

const photos = await jpegPhotos(4);
const papers = [
  // pdfmake mutates a document definition while laying it out: every render builds its own, as the hub does.
  { name: 'supervision-notice', doc: notice },
  { name: 'case-sheet (4 photos)', doc: () => buildCaseSheet(sheet(photos), zh) },
  { name: 'monthly-report', doc: monthly },
];
if (OUT) mkdirSync(OUT, { recursive: true });
console.log(`photos: 4 JPEG 1280×960, ${photos.reduce((n, p) => n + p.length, 0)} bytes in all`);
for (const paper of papers) {
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    const pdf = await renderPdf(paper.doc(), { title: paper.name, subject: 'bench', lang: 'zh-CN' });
    times.push(performance.now() - started);
    size = pdf.length;
    if (OUT && i === 0) writeFileSync(join(OUT, `${paper.name.split(' ')[0]}.pdf`), pdf);
  }
  const warm = times.slice(1).sort((a, b) => a - b);
  const median = warm[Math.floor(warm.length / 2)] ?? times[0]!;
  console.log(
    `${paper.name.padEnd(24)} ${String(Math.round(size / 1024)).padStart(5)} KB  first ${times[0]!.toFixed(0)} ms  median ${median.toFixed(0)} ms (${RUNS} runs)`,
  );
}
