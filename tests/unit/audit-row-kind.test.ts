/** The view audit tells playback and export rows apart from live tickets by their detail (renderer/src/audit). */
import { describe, expect, it } from 'vitest';
import { auditRowKind } from '../../renderer/src/audit/audit-row-kind.js';

describe('audit row kind', () => {
  it('reads playback and export tickets from the detail JSON', () => {
    expect(auditRowKind({ kind: 'token_issued', detail: '{"playback":true}' })).toBe('playback');
    expect(auditRowKind({ kind: 'token_issued', detail: '{"export":"att-0123456789"}' })).toBe('export');
  });
  it('keeps live tickets, views and grants as they are, whatever their detail', () => {
    expect(auditRowKind({ kind: 'token_issued', detail: null })).toBe('token_issued');
    expect(auditRowKind({ kind: 'token_issued', detail: 'not json' })).toBe('token_issued');
    expect(auditRowKind({ kind: 'view', detail: '{"playback":true}' })).toBe('view');
    expect(auditRowKind({ kind: 'grant_created', detail: null })).toBe('grant_created');
  });
});
