/**
 * The verifying desk's thresholds (resources/desk-limits.json), bundled with the renderer and validated with the
 * schema the hub uses (common/desk-limits.ts): the check form says how many unanswered call-backs allow closing.
 */
import deskJson from '../../../resources/desk-limits.json';
import { DeskLimits } from '../../../common/desk-limits.js';

let loaded: DeskLimits | null = null;

export function deskLimits(): DeskLimits {
  loaded ??= DeskLimits.parse(deskJson);
  return loaded;
}
