/**
 * What a view-audit row records, as the table shows it: a `token_issued` row with `{"playback":true}` as detail is a
 * playback ticket (回放), one with `{"export":"<attachment id>"}` a clip exported to a case (导出); everything else is
 * its stored kind (live viewing's rows unchanged). Read defensively: detail is free text on other rows.
 */
import type { ViewAuditEntry } from '../../../common/video-schemas.js';

export type AuditRowKind = ViewAuditEntry['kind'] | 'playback' | 'export';

export function auditRowKind(row: Pick<ViewAuditEntry, 'kind' | 'detail'>): AuditRowKind {
  if (row.kind !== 'token_issued' || !row.detail?.startsWith('{')) return row.kind;
  try {
    const detail = JSON.parse(row.detail) as unknown;
    if (typeof detail !== 'object' || detail === null) return row.kind;
    if ('export' in detail && typeof detail.export === 'string') return 'export';
    if ('playback' in detail && detail.playback === true) return 'playback';
  } catch {
    /* not JSON: an ordinary ticket */
  }
  return row.kind;
}
