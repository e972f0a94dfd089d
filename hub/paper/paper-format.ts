/** Times, rates and the shared page furniture (header, footer, field tables) of the hub's papers. */
import type { PaperText } from './paper-labels.js';

const BEIJING_OFFSET_MS = 8 * 3600_000;

const parts = (ms: number) => {
  const d = new Date(ms + BEIJING_OFFSET_MS);
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    y: d.getUTCFullYear(),
    m: pad(d.getUTCMonth() + 1),
    d: pad(d.getUTCDate()),
    hm: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`,
  };
};

/** Beijing time: 2026年11月28日 14:05 / 2026-11-28 14:05. */
export function paperDateTime(ms: number | null | undefined, text: PaperText): string {
  if (ms === null || ms === undefined) return '—';
  const p = parts(ms);
  return text.lang === 'zh-CN' ? `${p.y}年${p.m}月${p.d}日 ${p.hm}` : `${p.y}-${p.m}-${p.d} ${p.hm}`;
}

export function paperDate(ms: number, text: PaperText): string {
  const p = parts(ms);
  return text.lang === 'zh-CN' ? `${p.y}年${p.m}月${p.d}日` : `${p.y}-${p.m}-${p.d}`;
}

export const percent = (value: number | null): string => (value === null ? '—' : `${(value * 100).toFixed(1)}%`);

/** A two-column table of label → value, for case facts. */
export function fieldTable(rows: ReadonlyArray<readonly [string, string]>): Record<string, unknown> {
  return {
    table: {
      widths: [90, '*'],
      body: rows.map(([label, value]) => [
        { text: label, bold: true, fillColor: '#f2f4f7', lineHeight: 1.1 },
        { text: value === '' ? '—' : value, lineHeight: 1.1 },
      ]),
    },
    layout: { hLineColor: () => '#c8ccd2', vLineColor: () => '#c8ccd2' },
    margin: [0, 4, 0, 10],
  };
}

/** A table with a header row; every cell plain text. */
export function gridTable(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  widths: ReadonlyArray<number | string>,
  fontSize = 9,
): Record<string, unknown> {
  return {
    table: {
      headerRows: 1,
      widths,
      body: [
        header.map((h) => ({ text: h, bold: true, fillColor: '#e8ecf2', fontSize, lineHeight: 1.1 })),
        ...rows.map((r) => r.map((cell) => ({ text: cell, fontSize, lineHeight: 1.1 }))),
      ],
    },
    layout: { hLineColor: () => '#c8ccd2', vLineColor: () => '#c8ccd2' },
    margin: [0, 4, 0, 10],
  };
}

export const sectionTitle = (text: string): Record<string, unknown> => ({
  text,
  bold: true,
  fontSize: 12,
  margin: [0, 8, 0, 2],
});

/** "Printed at … by …" on the left, page x of n on the right. */
export function paperFooter(text: PaperText, printedAt: number, printedBy: string) {
  return (page: number, pages: number): Record<string, unknown> => ({
    columns: [
      {
        text: `${text.t('product')} · ${text.t('printedAt', { time: paperDateTime(printedAt, text) })} · ${text.t('printedBy', { name: printedBy })}`,
      },
      { text: text.t('page', { page, pages }), alignment: 'right', width: 'auto' },
    ],
    fontSize: 8,
    color: '#666666',
    margin: [50, 20, 50, 0],
  });
}
