/** How Chinese text becomes searchable (common/search-text.ts): bigram tokens, and typed words as FTS5 queries. */
import { describe, expect, it } from 'vitest';
import { parseSearchQuery, searchTokens } from '../../common/search-text.js';

describe('index tokens', () => {
  it('expands CJK runs into overlapping bigrams and keeps Latin/digit runs whole', () => {
    expect(searchTokens('占道经营')).toBe('占道 道经 经营');
    expect(searchTokens('东门社区，A4纸乱扔；电话13912345678')).toBe('东门 门社 社区 a4 纸乱 乱扔 电话 13912345678');
    expect(searchTokens('鸟')).toBe('鸟');
    expect(searchTokens('')).toBe('');
  });
});

describe('queries', () => {
  it('turns each CJK word into the phrase of its bigrams, all words required', () => {
    expect(parseSearchQuery('噪音')).toEqual({ kind: 'text', match: '"噪音"' });
    expect(parseSearchQuery(' 占道经营  夜间 ')).toEqual({ kind: 'text', match: '"占道 道经 经营" AND "夜间"' });
    expect(parseSearchQuery('1391234')).toEqual({ kind: 'text', match: '"1391234"*' });
  });

  it('reads a case number or its date part as a case number, not as words', () => {
    expect(parseSearchQuery('20261128-000042')).toEqual({ kind: 'caseNo', prefix: '20261128-000042' });
    expect(parseSearchQuery('20261128')).toEqual({ kind: 'caseNo', prefix: '20261128' });
    // Eight digits that are no date (a phone number's start) stay words.
    expect(parseSearchQuery('13912345')).toEqual({ kind: 'text', match: '"13912345"*' });
  });

  it('refuses a single Chinese character, and treats nothing typed as no words', () => {
    expect(parseSearchQuery('鸟')).toEqual({ kind: 'tooShort' });
    expect(parseSearchQuery('鸟 噪音')).toEqual({ kind: 'tooShort' });
    expect(parseSearchQuery('，。')).toEqual({ kind: 'tooShort' });
    expect(parseSearchQuery('   ')).toEqual({ kind: 'none' });
    expect(parseSearchQuery(undefined)).toEqual({ kind: 'none' });
  });

  it('never lets typed quotes or operators reach FTS5 as syntax', () => {
    expect(parseSearchQuery('噪音" OR "垃圾')).toEqual({ kind: 'text', match: '"噪音" AND "or"* AND "垃圾"' });
    expect(parseSearchQuery('NEAR(漏水*)')).toEqual({ kind: 'text', match: '"near"* AND "漏水"' });
  });
});
