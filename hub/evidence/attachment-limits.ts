/**
 * The attachment limits the hub enforces: resources/attachment-limits.json (imported as a JSON module so the
 * compiled hub carries it), validated once. Each kind's maximum must fit the transport's (MAX_ATTACHMENT_BYTES).
 */
import limitsJson from '../../resources/attachment-limits.json' with { type: 'json' };
import { MAX_ATTACHMENT_BYTES } from '../../common/contract-evidence.js';
import { AttachmentLimits, ATTACHMENT_KINDS } from '../../common/evidence-schemas.js';

export function parseAttachmentLimits(raw: unknown): AttachmentLimits {
  const limits = AttachmentLimits.parse(raw);
  for (const kind of ATTACHMENT_KINDS) {
    if (limits[kind].maxBytes > MAX_ATTACHMENT_BYTES) {
      throw new Error(`attachment limit of ${kind} (${limits[kind].maxBytes}) exceeds ${MAX_ATTACHMENT_BYTES} bytes`);
    }
  }
  return limits;
}

export const ATTACHMENT_LIMITS: AttachmentLimits = parseAttachmentLimits(limitsJson);
