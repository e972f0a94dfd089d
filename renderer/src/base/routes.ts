/**
 * The views (wall, map, dispatch, KPIs, audit, administration), addressed by the URL hash (#/wall …): it survives a reload, works from file:// in Electron and
 * needs no router package.
 */
import { useSyncExternalStore } from 'react';

export const VIEWS = ['wall', 'map', 'dispatch', 'kpi', 'audit', 'admin'] as const;
export type View = (typeof VIEWS)[number];
const DEFAULT_VIEW: View = 'wall';

function viewFromHash(hash: string): View {
  const name = hash.replace(/^#\/?/, '');
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : DEFAULT_VIEW;
}

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useCurrentView(): View {
  return useSyncExternalStore(subscribeToHash, () => viewFromHash(window.location.hash));
}

export function navigateTo(view: View): void {
  window.location.hash = `#/${view}`;
}
