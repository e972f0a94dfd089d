/** `#/wall-display`: the full-screen wall a console sends to a monitor (Electron) or opens as its own page (web). */
import { useSyncExternalStore } from 'react';
import { WALL_DISPLAY_PATH } from '../../../common/wall-schemas.js';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function isWallDisplayHash(hash: string): boolean {
  return hash === WALL_DISPLAY_PATH || hash.startsWith(`${WALL_DISPLAY_PATH}?`);
}

export function useIsWallDisplay(): boolean {
  return useSyncExternalStore(subscribe, () => isWallDisplayHash(window.location.hash));
}
