import { describe, expect, it } from 'vitest';
import { isWithinScope, levelOfCode, lineageOf, parentCode } from '../../common/org.js';

describe('org codes', () => {
  it('tells the level from the code length', () => {
    expect(levelOfCode('431099')).toBe('county');
    expect(levelOfCode('431099001')).toBe('township');
    expect(levelOfCode('431099001002')).toBe('village');
    expect(levelOfCode('431099001002003')).toBe('grid');
  });

  it('rejects malformed codes', () => {
    for (const bad of ['', '43109', '4310990', '43109900100', 'abcdef', '431099001002003004', '431099 01']) {
      expect(levelOfCode(bad)).toBeNull();
    }
  });

  it('walks up the tree', () => {
    expect(parentCode('431099001002003')).toBe('431099001002');
    expect(parentCode('431099')).toBeNull();
    expect(lineageOf('431099001002003')).toEqual(['431099', '431099001', '431099001002', '431099001002003']);
  });

  it('treats scope as a code prefix, a unit being inside its own scope', () => {
    expect(isWithinScope('431099001', '431099001002003')).toBe(true);
    expect(isWithinScope('431099001', '431099001')).toBe(true);
    expect(isWithinScope('431099001', '431099002001')).toBe(false);
    expect(isWithinScope('431099001002', '431099001')).toBe(false);
    // A prefix of the wrong length is not a unit: '4310990' must not match grids of township 431099001 … 009.
    expect(isWithinScope('4310990', '431099001')).toBe(false);
  });
});
