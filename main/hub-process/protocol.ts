/**
 * The messages between the Electron main process and the embedded hub's own process (Electron's `utilityProcess`;
 * in tests Node's `child_process.fork`, which carries the same structured messages). Checked with zod on arrival
 * in both directions: whatever else comes over the channel is ignored, never trusted.
 */
import { z } from 'zod';
import { STARTUP_STEPS } from '../../common/startup-status.js';

export const hubProcessMessage = z.discriminatedUnion('type', [
  /** A start-up step advanced (county seeded, history imported, clips encoded). */
  z.object({
    type: z.literal('progress'),
    step: z.enum(STARTUP_STEPS),
    done: z.number().int().nonnegative(),
    total: z.number().int().positive(),
  }),
  /** The hub listens at `url`; the console may connect. */
  z.object({ type: z.literal('ready'), url: z.string().url(), logPath: z.string().nullable() }),
  /** The hub could not start or hit an error it cannot survive; the process exits right after. */
  z.object({ type: z.literal('fatal'), message: z.string(), logPath: z.string().nullable() }),
]);
export type HubProcessMessage = z.infer<typeof hubProcessMessage>;

export const mainToHubMessage = z.discriminatedUnion('type', [
  /** Close the hub (database, sockets, encoders) and exit 0. */
  z.object({ type: z.literal('stop') }),
]);
export type MainToHubMessage = z.infer<typeof mainToHubMessage>;

export function parseHubProcessMessage(raw: unknown): HubProcessMessage | null {
  const parsed = hubProcessMessage.safeParse(raw);
  return parsed.success ? parsed.data : null;
}

export function parseMainToHubMessage(raw: unknown): MainToHubMessage | null {
  const parsed = mainToHubMessage.safeParse(raw);
  return parsed.success ? parsed.data : null;
}
