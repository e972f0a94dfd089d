/** How the console's offline side tells its failures apart and words them. */
import { GridCommandError } from '../../common/errors.js';

/** The link failed (no answer at all), as opposed to the hub answering "no". */
export const unreachable = (err: unknown): err is GridCommandError =>
  err instanceof GridCommandError && err.code === 'hub_unreachable';

/** The hub is away and the store has nothing to show instead: said plainly, never an empty list pretending. */
export const notCached = (what: string) =>
  new GridCommandError('hub_unreachable', `the hub is unreachable and this console has no cached copy of ${what}`);

/** A cache that cannot be written (disk full) must not fail a read the hub has answered. */
export function keepQuietly(work: () => void): void {
  try {
    work();
  } catch (err) {
    console.error(`console store: not cached (${err instanceof Error ? err.message : String(err)})`);
  }
}
