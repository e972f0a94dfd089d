/**
 * The taxonomy and deadline resources parse with their schemas and answer what intake and dispatch ask of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DeadlineTable, legDeadline, limitFor, signForDueAt } from '../../common/deadline-table.js';
import { DEPARTMENTS, isDepartmentCode } from '../../common/departments.js';
import {
  Taxonomy,
  allMinors,
  findMajor,
  findMinorByCode,
  findMinorByName,
  resolveCategory,
} from '../../common/taxonomy.js';
import { buildWorkCalendar } from '../../common/calendar-years.js';
import { packageCalendarYears } from '../../node-shared/chinese-days-calendar.js';

const load = (name: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../resources/${name}`, import.meta.url), 'utf8'));
const taxonomy = Taxonomy.parse(load('taxonomy.json'));
const deadlines = DeadlineTable.parse(load('deadlines.json'));
const cal = buildWorkCalendar(packageCalendarYears());
const bj = (local: string) => Date.parse(`${local.replace(' ', 'T')}:00+08:00`);

describe('the taxonomy', () => {
  it('has the 9 major categories with stable codes 01–09 and realistic minor types', () => {
    expect(taxonomy.categories.map((c) => `${c.code} ${c.zh}`)).toEqual([
      '01 社会治安',
      '02 城市管理',
      '03 人口管理',
      '04 矛盾纠纷调处',
      '05 安全生产',
      '06 生态环境',
      '07 公共卫生与疫情防控',
      '08 民生服务',
      '09 其他',
    ]);
    expect(allMinors(taxonomy).length).toBeGreaterThanOrEqual(60);
    for (const { major, minor } of allMinors(taxonomy)) expect(minor.code.startsWith(major.code)).toBe(true);
  });

  it('addresses the six epidemic-period dispute types by exact name, under dispute mediation', () => {
    for (const name of [
      '传播涉疫情谣言',
      '不配合防控措施',
      '劳动关系纠纷',
      '房屋租赁纠纷',
      '合同履行纠纷',
      '其他纠纷',
    ]) {
      const match = findMinorByName(taxonomy, name);
      expect(match?.minor.zh, name).toBe(name);
      expect(match?.major.zh).toBe('矛盾纠纷调处');
    }
  });

  it('looks categories up by code or exact name, and nothing else', () => {
    expect(findMinorByCode(taxonomy, '0201')?.minor.zh).toBe('暴露垃圾');
    expect(findMinorByName(taxonomy, ' 违法建设 ')?.minor.code).toBe('0203');
    expect(findMinorByName(taxonomy, '违法建筑')).toBeNull();
    expect(findMinorByCode(taxonomy, '9999')).toBeNull();
    expect(findMajor(taxonomy, '04')?.zh).toBe('矛盾纠纷调处');
    expect(findMajor(taxonomy, '城市管理')?.code).toBe('02');
  });

  it('resolves an intake report’s category, refusing unknown or contradictory references', () => {
    expect(resolveCategory(taxonomy, { categoryName: '房屋租赁纠纷' })).toMatchObject({
      ok: true,
      match: { minor: { code: '0404' } },
    });
    expect(resolveCategory(taxonomy, { categoryCode: '0404', categoryName: '房屋租赁纠纷' }).ok).toBe(true);
    expect(resolveCategory(taxonomy, { categoryCode: '0201', categoryName: '房屋租赁纠纷' })).toMatchObject({
      ok: false,
      field: 'categoryName',
    });
    expect(resolveCategory(taxonomy, { categoryCode: '0000' })).toMatchObject({ ok: false, field: 'categoryCode' });
    expect(resolveCategory(taxonomy, { categoryName: '不存在' })).toMatchObject({ ok: false, field: 'categoryName' });
    expect(resolveCategory(taxonomy, {})).toMatchObject({ ok: false, code: 'validation_failed' });
  });

  it('refuses a taxonomy with duplicate names or a minor code outside its major', () => {
    const broken = structuredClone(taxonomy);
    broken.categories[0]!.minors.push({ code: '0299', zh: '暴露垃圾', en: 'dup' });
    const issues = Taxonomy.safeParse(broken).error?.issues.map((i) => i.message) ?? [];
    expect(issues.some((m) => m.includes('outside its major'))).toBe(true);
    expect(issues.some((m) => m.includes('duplicate name'))).toBe(true);
  });
});

describe('the deadline table', () => {
  it('names only categories that exist, with the local rules’ examples', () => {
    for (const [code, limits] of Object.entries(deadlines.categories)) {
      const name = code.length === 2 ? findMajor(taxonomy, code)?.zh : findMinorByCode(taxonomy, code)?.minor.zh;
      expect(name, code).toBe(limits.name);
    }
    expect(limitFor(deadlines, '0201', 'routine')).toEqual({ amount: 1, unit: 'working_days', from: 'minor' });
    expect(limitFor(deadlines, '0202', 'routine')).toEqual({ amount: 2, unit: 'working_hours', from: 'minor' });
    expect(limitFor(deadlines, '0203', 'routine')).toEqual({ amount: 15, unit: 'working_days', from: 'minor' });
  });

  it('falls back from minor to major to the county default, and keeps serious cases in wall-clock hours', () => {
    expect(limitFor(deadlines, '0204', 'serious').from).toBe('major');
    expect(limitFor(deadlines, '0207', 'routine').from).toBe('major');
    const noMajor = { ...deadlines, categories: {} };
    expect(limitFor(noMajor, '0207', 'general')).toMatchObject({ ...deadlines.countyDefault.general, from: 'county' });
    for (const { minor } of allMinors(taxonomy)) expect(limitFor(deadlines, minor.code, 'serious').unit).toBe('hours');
    const bad = structuredClone(deadlines);
    bad.categories['0201']!.serious = { amount: 1, unit: 'working_days' };
    expect(DeadlineTable.safeParse(bad).success).toBe(false);
  });

  it('gives each dispatched leg its deadline and clock', () => {
    const at = bj('2024-03-08 16:00'); // a Friday afternoon
    expect(
      legDeadline({ table: deadlines, categoryCode: '0201', grade: 'routine', dispatchedAt: at, calendar: cal }),
    ).toMatchObject({
      dueAt: bj('2024-03-11 16:00'),
      clock: 'working',
    });
    expect(
      legDeadline({ table: deadlines, categoryCode: '0201', grade: 'serious', dispatchedAt: at, calendar: cal }),
    ).toMatchObject({
      dueAt: bj('2024-03-08 20:00'),
      clock: 'wall',
    });
    expect(signForDueAt(deadlines, 'routine', bj('2024-03-08 17:00'), cal)).toBe(bj('2024-03-11 09:00'));
  });
});

describe('departments', () => {
  it('gives every county department a stable dept: code and both labels', () => {
    expect(DEPARTMENTS.map((d) => d.code)).toEqual(
      expect.arrayContaining([
        'dept:gongan',
        'dept:zhujian',
        'dept:shichang',
        'dept:weijian',
        'dept:sifa',
        'dept:renshe',
        'dept:yingji',
      ]),
    );
    expect(new Set(DEPARTMENTS.map((d) => d.code)).size).toBe(DEPARTMENTS.length);
    expect(isDepartmentCode('dept:gongan')).toBe(true);
    expect(isDepartmentCode('dept:unknown')).toBe(false);
    expect(isDepartmentCode('431099')).toBe(false);
  });
});
