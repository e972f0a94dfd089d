/**
 * The verifying desk's thresholds as shipped (resources/desk-limits.json), validated by common/desk-limits.ts.
 * Imported as a JSON module so the compiled hub and the Electron bundle carry it.
 */
import deskJson from '../resources/desk-limits.json' with { type: 'json' };
import { DeskLimits } from '../common/desk-limits.js';
import type { MoveLimits } from '../common/case-machine.js';

let loaded: DeskLimits | null = null;

export function deskLimits(): DeskLimits {
  loaded ??= DeskLimits.parse(deskJson);
  return loaded;
}

/** What the state machine needs of them. */
export function moveLimits(): MoveLimits {
  return { callbackTries: deskLimits().callback.tries };
}
