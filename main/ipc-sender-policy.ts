/**
 * Which IPC senders the console answers: the main frame of one of our own windows, showing our own renderer.
 * Plain data in, boolean out, so the rule is tested in Node; ipc-binding.ts feeds it from Electron's event.
 */
export interface SenderFacts {
  /** The sending frame is its window's main frame (not an iframe). */
  readonly isMainFrame: boolean;
  /** The sending web contents belongs to a window the console opened. */
  readonly isKnownWindow: boolean;
  /** URL of the sending frame. */
  readonly url: string;
}

/**
 * `rendererRoot` is where our renderer is served from: the app's own `gridcommand://console/` protocol, the dev
 * server's origin during development, or a file:// directory URL (kept for completeness; the app no longer loads
 * from file://).
 */
export function isTrustedSender(sender: SenderFacts, rendererRoot: string): boolean {
  if (!sender.isMainFrame || !sender.isKnownWindow) return false;
  let url: URL;
  let root: URL;
  try {
    url = new URL(sender.url);
    root = new URL(rendererRoot);
  } catch {
    return false;
  }
  if (root.protocol === 'file:') {
    const dir = root.pathname.endsWith('/') ? root.pathname : `${root.pathname}/`;
    return url.protocol === 'file:' && url.host === '' && url.pathname.startsWith(dir) && !url.pathname.includes('..');
  }
  // Scheme and host, not `origin`: a custom scheme's origin is the opaque "null" in the URL standard, so comparing
  // origins would trust every page of every custom scheme.
  return url.protocol === root.protocol && url.host === root.host;
}

/** Only web links leave the app, and they go to the system browser. */
export function isExternalWebLink(raw: string): boolean {
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:';
  } catch {
    return false;
  }
}
