/**
 * How case text is made searchable in Chinese (issue 15 §1), shared by the hub (indexing and querying) and the
 * console (checking a query before sending it).
 *
 * SQLite's FTS5 has no Chinese word splitter, and Chinese queries are mostly two characters (噪音, 占道, 漏水), which
 * the trigram tokenizer cannot match at all. So the indexed text is the CJK text expanded into overlapping bigrams
 * ("占道经营" → "占道 道经 经营") with ASCII/digit runs kept whole, fed to the plain unicode61 tokenizer; a query of
 * n ≥ 2 CJK characters becomes the phrase of its bigrams, which matches exactly where those characters stand in a
 * row. A single CJK character is refused: as a bigram prefix it would match most of the county's text.
 */

/** Han ideographs (basic + extension A + compatibility), the characters bigrams are made of. */
const CJK = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/u;
/** Runs of CJK characters, or of other letters/digits (ASCII and other alphabets kept whole; "A4纸" is two runs). */
const RUNS =
  /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+|(?:(?![\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff])[\p{L}\p{N}])+/gu;

/** The run as index tokens: bigrams of a CJK run (a lone character as itself), a word run lowercased. */
function runTokens(run: string): string[] {
  if (!CJK.test(run[0]!)) return [run.toLowerCase()];
  const chars = [...run];
  if (chars.length === 1) return chars;
  const grams: string[] = [];
  for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
  return grams;
}

/** The text as the FTS column stores it: tokens separated by spaces, each run's bigrams in order. */
export function searchTokens(text: string): string {
  const out: string[] = [];
  for (const run of text.match(RUNS) ?? []) out.push(...runTokens(run));
  return out.join(' ');
}

/**
 * A case-number query: the date part and optionally the running number (20261128, 20261128-000042). The date must
 * be a plausible one, so eight digits of a phone number (13912345) stay words.
 */
export const CASE_NO_QUERY = /^(19|20)\d\d(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(-\d{1,6})?$/;

export type ParsedQuery =
  | { readonly kind: 'none' }
  | { readonly kind: 'caseNo'; readonly prefix: string }
  | { readonly kind: 'text'; readonly match: string }
  | { readonly kind: 'tooShort' };

/**
 * The typed words as an FTS5 MATCH expression: every word must occur (AND); a CJK word is the phrase of its bigrams,
 * a Latin/digit word matches as a prefix (a phone number's first digits, "A4"). Words are quoted, so nothing typed is
 * read as FTS syntax.
 */
export function parseSearchQuery(raw: string | undefined): ParsedQuery {
  const text = (raw ?? '').trim();
  if (text === '') return { kind: 'none' };
  if (CASE_NO_QUERY.test(text)) return { kind: 'caseNo', prefix: text };
  const terms: string[] = [];
  for (const run of text.match(RUNS) ?? []) {
    const tokens = runTokens(run);
    if (CJK.test(run[0]!)) {
      if ([...run].length < 2) return { kind: 'tooShort' };
      terms.push(`"${tokens.join(' ')}"`);
    } else {
      terms.push(`"${tokens[0]}"*`);
    }
  }
  if (terms.length === 0) return { kind: 'tooShort' };
  return { kind: 'text', match: terms.join(' AND ') };
}
