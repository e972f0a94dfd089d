import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { consoleCalls, consolePushes } from '../../common/contract.js';
import { CONSOLE_CALL_NAMES, CONSOLE_PUSH_NAMES } from '../../common/contract-names.js';
import {
  CONTENT_SECURITY_POLICY,
  ELECTRON_CONTENT_SECURITY_POLICY,
  META_CONTENT_SECURITY_POLICY,
} from '../../main/content-security-policy.js';

describe('the contract', () => {
  it('gives the preload exactly the contract’s call and push names', () => {
    expect([...CONSOLE_CALL_NAMES].sort()).toEqual(Object.keys(consoleCalls).sort());
    expect([...CONSOLE_PUSH_NAMES].sort()).toEqual(Object.keys(consolePushes).sort());
  });

  it('never carries a hub token to the renderer', () => {
    for (const [name, call] of Object.entries(consoleCalls)) {
      // Binary answers (map.events: z.instanceof(Uint8Array)) have no JSON Schema; they carry no fields either.
      const shape = JSON.stringify(call.response.toJSONSchema?.({ unrepresentable: 'any' }) ?? {});
      expect(shape, name).not.toMatch(/"token"/);
    }
  });

  it('uses the same CSP in the renderer’s meta tag as in the served header, without unsafe-eval', () => {
    const html = readFileSync(new URL('../../renderer/index.html', import.meta.url), 'utf8');
    const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/i.exec(html)?.[1];
    expect(meta).toBe(META_CONTENT_SECURITY_POLICY);
    // frame-ancestors only in headers (a meta tag's is ignored with a console warning on every load).
    expect(meta).not.toMatch(/frame-ancestors/);
    expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
    // Every other directive of the web host's header is in the meta tag as it is, or widened only by gridtiles:.
    for (const directive of CONTENT_SECURITY_POLICY.split('; ').filter((d) => !d.startsWith('frame-ancestors'))) {
      expect(ELECTRON_CONTENT_SECURITY_POLICY.split('; ')).toContain(
        /^(img-src|connect-src) /.test(directive) ? `${directive} gridtiles:` : directive,
      );
    }
    expect(meta).not.toMatch(/unsafe-eval/);
  });
});
