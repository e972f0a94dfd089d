/**
 * The one CSV writer (KPI export, view-audit export): rows of cells → text. UTF-8 with a BOM so Excel reads the
 * Chinese names, CRLF line ends, RFC 4180 quoting (a cell with a comma, quote, line break or leading/trailing space
 * is quoted, quotes doubled). Cells are values, never formulas: text starting with = + - @ (or a tab / CR, which
 * Excel also strips) gets a leading apostrophe, so a reason typed as "=HYPERLINK(...)" stays text.
 */

export type CsvCell = string | number | null | undefined;

export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell as CSV text; null, undefined and non-finite numbers are empty. */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  let text = value;
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The whole file: BOM, one CRLF-terminated line per row. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return CSV_BOM + rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
