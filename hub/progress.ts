/**
 * Progress of long work on the command line (demo seed, history import, clip encoding): one line per step, with
 * counts and a percentage. On a terminal the line is redrawn in place at most ten times a second; elsewhere (a
 * service's journal, a pipe) only the step's start and end lines are written, so a log is not flooded.
 */
export interface ProgressStep {
  /** `n` more units done. */
  advance(n?: number): void;
  /** The step is finished; `summary` replaces the default "<done> <unit> in <s> s". */
  done(summary?: string): void;
}

export interface Progress {
  step(name: string, total?: number, unit?: string): ProgressStep;
}

const IDLE_STEP: ProgressStep = { advance() {}, done() {} };
/** Reports nothing (tests, embedded hubs). */
export const silentProgress: Progress = { step: () => IDLE_STEP };

type Out = Pick<NodeJS.WriteStream, 'write'> & { readonly isTTY?: boolean };

const count = (n: number) => n.toLocaleString('en-US');

export function consoleProgress(out: Out = process.stdout, clock: () => number = Date.now): Progress {
  const tty = out.isTTY === true;
  return {
    step(name, total, unit = 'items') {
      const started = clock();
      let done = 0;
      let drawnAt = -Infinity;
      const of = total === undefined ? '' : ` / ${count(total)}`;
      const line = () => {
        const pct = total ? `  ${Math.min(100, Math.floor((done / total) * 100))} %` : '';
        return `… ${name}: ${count(done)}${of} ${unit}${pct}`;
      };
      out.write(tty ? line() : `… ${name}${total === undefined ? '' : ` (${count(total)} ${unit})`}\n`);
      return {
        advance(n = 1) {
          done += n;
          const now = clock();
          if (tty && now - drawnAt >= 100) {
            drawnAt = now;
            out.write(`\r\x1b[2K${line()}`);
          }
        },
        done(summary) {
          const seconds = ((clock() - started) / 1000).toFixed(1);
          const text = `✓ ${name}: ${summary ?? `${count(done)} ${unit} in ${seconds} s`}\n`;
          out.write(tty ? `\r\x1b[2K${text}` : text);
        },
      };
    },
  };
}

/** The items of `items`, advancing `step` by one for each as it is taken. */
export function* counted<T>(items: Iterable<T>, step: ProgressStep): Generator<T> {
  for (const item of items) {
    yield item;
    step.advance();
  }
}
