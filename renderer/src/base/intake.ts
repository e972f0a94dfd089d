/**
 * The intake limits (resources/intake-limits.json, beside the deadline table), bundled with the renderer and
 * validated with the schema common/intake-clock.ts computes with. Parsed once, on first use.
 */
import intakeJson from '../../../resources/intake-limits.json';
import { IntakeLimits } from '../../../common/intake-clock.js';

let loaded: IntakeLimits | null = null;

export function intakeLimits(): IntakeLimits {
  loaded ??= IntakeLimits.parse(intakeJson);
  return loaded;
}
