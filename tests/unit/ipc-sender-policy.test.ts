import { describe, expect, it } from 'vitest';
import { isExternalWebLink, isTrustedSender } from '../../main/ipc-sender-policy.js';

const FILE_ROOT = 'file:///opt/grid-command/resources/app/out/renderer/';

describe('IPC sender policy', () => {
  it('trusts the main frame of our own window showing our renderer', () => {
    expect(isTrustedSender({ isMainFrame: true, isKnownWindow: true, url: `${FILE_ROOT}index.html` }, FILE_ROOT)).toBe(
      true,
    );
    expect(
      isTrustedSender(
        { isMainFrame: true, isKnownWindow: true, url: 'http://127.0.0.1:5173/' },
        'http://127.0.0.1:5173',
      ),
    ).toBe(true);
  });

  it('refuses iframes, unknown windows and foreign pages', () => {
    const ok = { isMainFrame: true, isKnownWindow: true, url: `${FILE_ROOT}index.html` };
    expect(isTrustedSender({ ...ok, isMainFrame: false }, FILE_ROOT)).toBe(false);
    expect(isTrustedSender({ ...ok, isKnownWindow: false }, FILE_ROOT)).toBe(false);
    expect(isTrustedSender({ ...ok, url: 'https://example.com/' }, FILE_ROOT)).toBe(false);
    expect(isTrustedSender({ ...ok, url: 'file:///tmp/evil.html' }, FILE_ROOT)).toBe(false);
    expect(isTrustedSender({ ...ok, url: `${FILE_ROOT}../../evil.html` }, FILE_ROOT)).toBe(false);
    expect(isTrustedSender({ ...ok, url: 'http://127.0.0.1:5174/' }, 'http://127.0.0.1:5173')).toBe(false);
    expect(isTrustedSender({ ...ok, url: 'not a url' }, FILE_ROOT)).toBe(false);
  });

  it("trusts only its own app scheme and host, although a custom scheme's origin is the opaque 'null'", () => {
    const root = 'gridcommand://console/';
    const ok = { isMainFrame: true, isKnownWindow: true, url: 'gridcommand://console/index.html#/wall-display' };
    expect(isTrustedSender(ok, root)).toBe(true);
    for (const url of ['evil://console/index.html', 'gridcommand://other/index.html', 'gridtiles://tiles/0/0/0']) {
      expect(isTrustedSender({ ...ok, url }, root), url).toBe(false);
    }
  });

  it('opens only http(s) links externally', () => {
    expect(isExternalWebLink('https://www.gov.cn/')).toBe(true);
    for (const url of ['file:///etc/passwd', 'javascript:alert(1)', 'smb://host/share', 'ms-settings:', '']) {
      expect(isExternalWebLink(url), url).toBe(false);
    }
  });
});
