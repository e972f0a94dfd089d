/**
 * The working calendar's years from the maintained `chinese-days` package (holidays and 调休 make-up workdays per
 * year, from the State Council's notices), read once from its JSON and handed to common/calendar-years.ts. Which
 * years it has depends on the installed version: update the package to get a newly published year, or import the
 * year in the admin view meanwhile.
 */
import { createRequire } from 'node:module';
import type { CalendarYear } from '../common/calendar-years.js';

interface ChineseDaysData {
  readonly holidays: Readonly<Record<string, string>>;
  readonly workdays: Readonly<Record<string, string>>;
}

let years: CalendarYear[] | null = null;

export function packageCalendarYears(): readonly CalendarYear[] {
  if (years) return years;
  // Read with require, not a JSON import: the compiled hub (esbuild, packages left external) drops an import's
  // `with { type: 'json' }` and plain node then refuses the file; require reads JSON in every build.
  const data = createRequire(import.meta.url)('chinese-days/dist/chinese-days.json') as ChineseDaysData;
  const byYear = new Map<number, CalendarYear>();
  const yearOf = (date: string) => {
    const year = Number(date.slice(0, 4));
    let y = byYear.get(year);
    if (!y) byYear.set(year, (y = { year, holidays: [], makeupWorkdays: [] }));
    return y;
  };
  for (const date of Object.keys(data.holidays)) yearOf(date).holidays.push(date);
  for (const date of Object.keys(data.workdays)) yearOf(date).makeupWorkdays.push(date);
  years = [...byYear.values()]
    .map((y) => ({ ...y, holidays: y.holidays.sort(), makeupWorkdays: y.makeupWorkdays.sort() }))
    .sort((a, b) => a.year - b.year);
  return years;
}
