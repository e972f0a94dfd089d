/** How the console's offline side tells its failures apart and words them. */
import { GridCommandError } from '../../common/errors.js';

/** The link failed (no answer at all), as opposed to the hub answering "no". */
export const unreachable = (err: unknown): err is GridCommandError =>
  err instanceof GridCommandError && err.code === 'hub_unreachable';

/** The hub is away and the store has nothing to show instead: said plainly, never an empty list pretending. */
export const notCached = (zh: string, en: string) =>
  new GridCommandError(
    'hub_unreachable',
    `县级平台不可达，本机也没有${zh}的缓存 / the hub is unreachable and this console has no cached copy of ${en}`,
  );

/** A cache that cannot be written (disk full) must not fail a read the hub has answered. */
export function keepQuietly(work: () => void): void {
  try {
    work();
  } catch (err) {
    console.error(`console store: not cached (${err instanceof Error ? err.message : String(err)})`);
  }
}
