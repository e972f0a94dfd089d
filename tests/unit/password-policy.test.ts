/** The password policy (common/password-policy.ts) and the CSV reader the users import stands on. */
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../common/csv-read.js';
import { toCsv } from '../../common/csv.js';
import { PASSWORD_MIN_LENGTH, passwordProblem } from '../../common/password-policy.js';

describe('the password policy', () => {
  it.each([
    ['Demo@2026', 'town01.director', 'password_published'],
    ['DEMO@2026', 'someone', 'password_published'],
    ['Ab1!ab1!', 'someone', 'password_too_short'],
    ['town01.director', 'town01.director', 'password_is_username'],
    ['Town01.Director12', 'town01.director', 'password_is_username'],
    ['1234567890', 'someone', 'password_too_common'],
    ['abcdefghijk', 'someone', 'password_too_common'],
    ['9876543210', 'someone', 'password_too_common'],
    ['abababababab', 'someone', 'password_too_common'],
    ['woaini1314', 'someone', 'password_too_common'],
    ['x'.repeat(129), 'someone', 'password_too_long'],
  ])('refuses %s for %s (%s)', (password, username, code) => {
    expect(passwordProblem(password, username)?.code).toBe(code);
  });

  it('accepts a password of the minimum length that is none of those', () => {
    expect(PASSWORD_MIN_LENGTH).toBe(10);
    expect(passwordProblem('Zhen-hao-27', 'town01.director')).toBeNull();
    expect(passwordProblem('网格联动指挥台二零二七', 'admin')).toBeNull();
    expect(passwordProblem('short', 'x')).toEqual({ code: 'password_too_short', params: { limit: 10 } });
  });
});

describe('the CSV reader', () => {
  it('reads what the CSV writer wrote, with the line each record starts on', () => {
    const rows = [
      ['username', 'display_name'],
      ['a.b', '甲, 乙'],
      ['c.d', 'line\nbreak "quoted"'],
      ['e.f', ''],
    ];
    const records = parseCsv(toCsv(rows));
    expect(records.map((r) => r.cells)).toEqual(rows);
    expect(records.map((r) => r.line)).toEqual([1, 2, 3, 5]);
  });

  it('skips blank lines and reads LF files without a BOM', () => {
    expect(parseCsv('a,b\n\n1,2\n')).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 3, cells: ['1', '2'] },
    ]);
  });
});
