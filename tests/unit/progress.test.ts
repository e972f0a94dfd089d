/**
 * The CLI's progress: on a terminal one line per step redrawn in place (at most ten times a second) with counts and
 * a percentage; anywhere else (a journal, a pipe) only each step's start and end line.
 */
import { describe, expect, it } from 'vitest';
import { consoleProgress, counted } from '../../hub/progress.js';

function capture(isTTY: boolean) {
  const written: string[] = [];
  let now = 0;
  const progress = consoleProgress({ isTTY, write: (chunk: string) => written.push(chunk) > 0 }, () => now);
  return { progress, written, tick: (ms: number) => void (now += ms) };
}

describe('console progress', () => {
  it('writes only start and end lines when not on a terminal', () => {
    const { progress, written, tick } = capture(false);
    const step = progress.step('demo history: importing', 84_200, 'events');
    for (let i = 0; i < 84_200; i++) {
      step.advance();
      if (i % 1000 === 0) tick(50);
    }
    step.done();
    expect(written).toEqual([
      '… demo history: importing (84,200 events)\n',
      '✓ demo history: importing: 84,200 events in 4.3 s\n',
    ]);
  });

  it('redraws one line with counts and percentage on a terminal, at most every 100 ms', () => {
    const { progress, written, tick } = capture(true);
    const step = progress.step('demo clips: encoding', 8, 'clips');
    step.advance(); // first redraw
    step.advance(); // within 100 ms: not drawn
    tick(150);
    step.advance(2);
    step.done('8 clips');
    expect(written).toEqual([
      '… demo clips: encoding: 0 / 8 clips  0 %',
      '\r\x1b[2K… demo clips: encoding: 1 / 8 clips  12 %',
      '\r\x1b[2K… demo clips: encoding: 4 / 8 clips  50 %',
      '\r\x1b[2K✓ demo clips: encoding: 8 clips\n',
    ]);
  });

  it('counts the items of an iterable as they are taken', () => {
    const { progress, written } = capture(false);
    const step = progress.step('lines');
    expect([...counted(['a', 'b', 'c'], step)]).toEqual(['a', 'b', 'c']);
    step.done();
    expect(written.at(-1)).toBe('✓ lines: 3 items in 0.0 s\n');
  });
});
