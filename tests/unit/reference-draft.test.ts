/**
 * The admin view's reference-data draft (renderer/src/admin/reference-data/draft.ts): each edit the tables make
 * yields a taxonomy and deadline table the shared schemas accept, and the edit the administrator meant.
 */
import { describe, expect, it } from 'vitest';
import { checkReferenceEdit, ReferenceEdit } from '../../common/reference-versions.js';
import { findMinorByCode, findMajor } from '../../common/taxonomy.js';
import { shippedReferenceTables } from '../../node-shared/reference-data.js';
import {
  addMajor,
  addMinor,
  addOverride,
  editMinor,
  removeMinor,
  removeOverride,
  setLimit,
  type Draft,
} from '../../renderer/src/admin/reference-data/draft.js';

const start: Draft = structuredClone(shippedReferenceTables());
const valid = (d: Draft) => ReferenceEdit.parse({ basedOn: 1, reason: '测试修改', ...d });

describe('the reference-data draft', () => {
  it('adds categories under fresh codes, never reusing one', () => {
    const withMinor = addMinor(start, '02', '新分类');
    expect(findMinorByCode(valid(withMinor).taxonomy, '0212')?.minor.zh).toBe('新分类0212');
    const again = addMinor(withMinor, '09', '新分类'); // 09 has 0901–0903 and 0999 (其他)
    expect(findMinorByCode(again.taxonomy, '0904')).not.toBeNull();
    const withMajor = addMajor(start, '新分类');
    expect(findMajor(valid(withMajor).taxonomy, '10')?.minors.map((m) => m.code)).toEqual(['1001']);
  });

  it('retires and un-retires, and removes a minor with its own deadline line', () => {
    const retired = editMinor(start, '0201', { retired: true });
    expect(findMinorByCode(valid(retired).taxonomy, '0201')?.minor.retired).toBe(true);
    expect(findMinorByCode(editMinor(retired, '0201', { retired: false }).taxonomy, '0201')?.minor).not.toHaveProperty(
      'retired',
    );
    const removed = removeMinor(start, '0201');
    expect(findMinorByCode(removed.taxonomy, '0201')).toBeNull();
    expect(removed.deadlines.categories['0201']).toBeUndefined();
    expect(checkReferenceEdit(valid(removed), [])).toEqual([]);
  });

  it('sets and clears limits, adds and removes a category line', () => {
    const line = addOverride(start, '0206', '违规广告招牌');
    const set = setLimit(line, '0206', 'routine', { amount: 2, unit: 'working_days' });
    expect(valid(set).deadlines.categories['0206']).toEqual({
      name: '违规广告招牌',
      routine: { amount: 2, unit: 'working_days' },
    });
    expect(setLimit(set, '0206', 'routine', null).deadlines.categories['0206']).toEqual({ name: '违规广告招牌' });
    expect(removeOverride(set, '0206').deadlines.categories['0206']).toBeUndefined();
    const county = setLimit(start, 'countyDefault', 'general', { amount: 4, unit: 'working_days' });
    expect(valid(county).deadlines.countyDefault.general).toEqual({ amount: 4, unit: 'working_days' });
    // The county default cannot lose a grade: clearing it leaves it as it was.
    expect(setLimit(start, 'countyDefault', 'general', null)).toBe(start);
  });
});
