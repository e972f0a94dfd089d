/**
 * The five views (wall, map, dispatch, KPIs, audit), addressed by the URL hash (#/wall …): it survives a reload, works from file:// in Electron and
 * needs no router package.
 */
import { useSyncExternalStore } from 'react';

export const VIEWS = ['wall', 'map', 'dispatch', 'kpi', 'audit'] as const;
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

/** The view shown now (outside React: alert routing). */
export function currentView(): View {
  return viewFromHash(window.location.hash);
}

export function useCurrentView(): View {
  return useSyncExternalStore(subscribeToHash, () => viewFromHash(window.location.hash));
}

export function navigateTo(view: View): void {
  window.location.hash = `#/${view}`;
}
