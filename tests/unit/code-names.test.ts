/**
 * The product's codes are worded by the console's catalogues, not by common/: every member of each union (role,
 * org level, case status, grade, source, move, leg status, history note) has a non-empty name in zh-CN and English.
 * The catalogues' `satisfies Record<…>` already fails the type check on a missing code; this checks the shipped
 * objects, and that the zh-CN names the dispatch board's users read stayed what they were.
 */
import { describe, expect, it } from 'vitest';
import {
  CASE_GRADES,
  CASE_MOVE_TYPES,
  CASE_SOURCES,
  CASE_STATUSES,
  HISTORY_NOTE_CODES,
  LEG_STATUSES,
} from '../../common/cases.js';
import { ORG_LEVELS } from '../../common/org.js';
import { ROLES } from '../../common/roles.js';
import { paperText } from '../../hub/paper/paper-labels.js';
import { en } from '../../renderer/src/i18n/en/index.js';
import { zhCN } from '../../renderer/src/i18n/zh-CN/index.js';

const tables = (c: typeof zhCN | typeof en) =>
  [
    ['shared.role', ROLES, c.shared.role],
    ['shared.level', ORG_LEVELS, c.shared.level],
    ['shared.caseStatus', CASE_STATUSES, c.shared.caseStatus],
    ['shared.grade', CASE_GRADES, c.shared.grade],
    ['shared.source', CASE_SOURCES, c.shared.source],
    ['dispatch.moveType', CASE_MOVE_TYPES, c.dispatch.moveType],
    ['dispatch.leg.status', LEG_STATUSES, c.dispatch.leg.status],
    ['dispatch.historyNote', HISTORY_NOTE_CODES, c.dispatch.historyNote],
  ] as const;

describe('names of codes', () => {
  for (const [language, catalogue] of [
    ['zh-CN', zhCN],
    ['en', en],
  ] as const) {
    it(`names every code in ${language}, and nothing else`, () => {
      for (const [key, codes, names] of tables(catalogue)) {
        expect(Object.keys(names).sort(), key).toEqual([...codes].sort());
        for (const code of codes)
          expect((names as Record<string, string>)[code]?.trim(), `${key}.${code}`).toBeTruthy();
      }
    });
  }

  it('keeps the zh-CN names the board has always shown', () => {
    expect(zhCN.shared.caseStatus).toMatchObject({ reported: '待受理', filed: '待派遣', dispatched: '待签收' });
    expect(zhCN.dispatch.moveType).toMatchObject({ dispatch: '派遣', file: '立案', supervise: '督办' });
    expect(zhCN.shared.role.county_duty_officer).toBe('县联动处置值班员');
  });

  it('prints on paper the names the console shows, for every code', () => {
    // The papers once kept their own copy of these names and printed the call-back notes as raw codes.
    for (const [language, catalogue] of [
      ['zh-CN', zhCN],
      ['en', en],
    ] as const) {
      const text = paperText(language);
      const groups = [
        ['status', CASE_STATUSES, catalogue.shared.caseStatus],
        ['grade', CASE_GRADES, catalogue.shared.grade],
        ['source', CASE_SOURCES, catalogue.shared.source],
        ['role', ROLES, catalogue.shared.role],
        ['level', ORG_LEVELS, catalogue.shared.level],
        ['legStatus', LEG_STATUSES, catalogue.dispatch.leg.status],
        ['historyNote', HISTORY_NOTE_CODES, catalogue.dispatch.historyNote],
        ['move', CASE_MOVE_TYPES, catalogue.dispatch.moveType],
      ] as const;
      for (const [group, codes, names] of groups)
        for (const code of codes)
          expect(text.label(group, code), `${language} ${group}.${code}`).toBe((names as Record<string, string>)[code]);
    }
  });

  it('words each history note with the params the hub sends', () => {
    const params = {
      automatic_overdue: [],
      possible_duplicate: ['caseIds'],
      merged_in: ['caseId'],
      imported_from: ['externalId'],
      merged_into: ['caseId'],
      callback_satisfied: [],
      callback_unsatisfied: [],
      callback_not_reached: [],
      callback_reopened: [],
    };
    for (const catalogue of [zhCN, en]) {
      for (const code of HISTORY_NOTE_CODES) {
        const placeholders = [...catalogue.dispatch.historyNote[code].matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]);
        expect(placeholders, code).toEqual(params[code]);
      }
    }
  });
});
