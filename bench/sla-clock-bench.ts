/**
 * The working-time clock's cost against the distance it measures: addWorkingMinutes and workingMinutesBetween over
 * 1 day, 1 year, 10 years and 70 years, on the real calendar (the `chinese-days` package). The clock must cost
 * the same whatever the distance: a far deadline once walked day by day (a dispatch due in year 9999 took seconds
 * of CPU per card and stalled the hub).
 *
 * Measured on the shared 2-core box (median µs per call), day-walking clock → counting clock:
 *   1 day 0.4 / 0.7 → 0.9 / 1.3; 1 year 4.5 / 15.1 → 0.4 / 0.3; 10 years throws / 42 → 1.3 / 0.1;
 *   70 years throws / 2,828 → 0.4 / 0.1 (add / between). Differences under ~2 µs are noise here.
 *
 *   npx tsx bench/sla-clock-bench.ts [--runs=2000]
 */
import { addWorkingMinutes, slaState, workingMinutesBetween } from '../common/sla-clock.js';
import { buildWorkCalendar } from '../common/calendar-years.js';
import { packageCalendarYears } from '../node-shared/chinese-days-calendar.js';

const arg = (name: string, fallback: string) =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback;
const RUNS = Number(arg('runs', '2000'));

const calendar = buildWorkCalendar(packageCalendarYears());
const start = Date.parse('2020-03-02T10:15:00+08:00');
const DAY_MS = 86_400_000;
const WORK_DAY_MINUTES = 390;
const spans = [
  { label: '1 day', days: 1 },
  { label: '1 year', days: 365 },
  { label: '10 years', days: 3652 },
  { label: '70 years', days: 25_567 },
];

/**
 * Median over 20 batches of µs per call (the machine is shared: a median shrugs off a neighbour's burst). A call
 * that throws is reported as such (the old clock gave up beyond ten years).
 */
function time(fn: () => number): string {
  try {
    for (let i = 0; i < 100; i++) fn(); // warm the JIT first
    const batches: number[] = [];
    const perBatch = Math.max(1, Math.round(RUNS / 20));
    for (let b = 0; b < 20; b++) {
      const t0 = process.hrtime.bigint();
      for (let i = 0; i < perBatch; i++) fn();
      batches.push(Number(process.hrtime.bigint() - t0) / 1000 / perBatch);
    }
    return `${batches.sort((x, y) => x - y)[10]!.toFixed(1)} µs`;
  } catch (err) {
    return `throws (${(err as Error).message})`;
  }
}

console.log(`sla clock: median µs per call, 20 batches of ${Math.round(RUNS / 20)}`);
for (const { label, days } of spans) {
  // Working minutes of that many calendar days, roughly: five working days in seven.
  const minutes = Math.round((days * 5 * WORK_DAY_MINUTES) / 7);
  const add = time(() => addWorkingMinutes(start, minutes, calendar));
  const between = time(() => workingMinutesBetween(start, start + days * DAY_MS, calendar));
  console.log(`  ${label.padEnd(9)} addWorkingMinutes ${add.padEnd(12)} workingMinutesBetween ${between}`);
}

// A board's worth of cards, each with a closed and an open pause: what one refresh of the board's clocks costs
// (the board recomputes every visible card each second). Once a timed unit test; timings live here, not in tests.
const BOARD_CARDS = 500;
const cardStart = Date.parse('2024-01-02T09:00:00+08:00');
const cards = Array.from({ length: BOARD_CARDS }, (_, i) => ({
  startMs: cardStart + i * 3_600_000,
  dueAt: cardStart + i * 3_600_000 + (1 + (i % 20)) * DAY_MS,
  pauses: [
    { from: Date.parse('2024-01-10T10:00:00+08:00'), to: Date.parse('2024-01-11T10:00:00+08:00') },
    { from: Date.parse('2024-01-20T10:00:00+08:00') },
  ],
}));
const boardNow = Date.parse('2024-02-01T10:00:00+08:00');
const perBoard = time(() => {
  let overdue = 0;
  for (const card of cards) if (slaState(card, boardNow, calendar).state === 'overdue') overdue++;
  return overdue;
});
console.log(`  ${BOARD_CARDS} board cards (slaState, two pauses each): ${perBoard} per board refresh`);
