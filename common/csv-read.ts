/**
 * The one CSV reader (users import; the reverse of csv.ts): RFC 4180 — quoted cells with doubled quotes and line
 * breaks inside, CRLF or LF line ends, a UTF-8 BOM dropped. Each record keeps the line it starts on, so an import's
 * report can name "line 7". Blank lines are skipped.
 */
export interface CsvRecord {
  readonly line: number;
  readonly cells: readonly string[];
}

export function parseCsv(text: string): CsvRecord[] {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const records: CsvRecord[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  const endRecord = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0] === '')) records.push({ line: startLine, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (quoted) {
      if (c === '"' && source[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        if (c === '\n') line++;
        cell += c;
      }
    } else if (c === '"' && cell === '') {
      quoted = true;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && source[i + 1] === '\n') i++;
      endRecord();
      line++;
      startLine = line;
    } else {
      cell += c;
    }
  }
  if (cell !== '' || cells.length > 0) endRecord();
  return records;
}
