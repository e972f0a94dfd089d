/**
 * The views (wall, map, dispatch, KPIs, audit, administration), addressed by the URL hash (#/wall …): it survives a
 * reload, works from file:// in Electron and needs no router package. Who sees which view: view-policy.ts.
 */
import { useSyncExternalStore } from 'react';
import type { Principal } from '../../../common/scope-policy.js';
import { landingView, VIEWS, viewsFor, type View } from './view-policy.js';

export { landingView, VIEW_ACTION, VIEWS, viewsFor, type View } from './view-policy.js';

/** The view named by the hash, or null when the hash names none. */
export function viewFromHash(hash: string): View | null {
  const name = hash.replace(/^#\/?/, '');
  return (VIEWS as readonly string[]).includes(name) ? (name as View) : null;
}

function subscribeToHash(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The view shown now (outside React: alert routing); null before the shell has placed the user. */
export function currentView(): View | null {
  return viewFromHash(window.location.hash);
}

export function useHashView(): View | null {
  return useSyncExternalStore(subscribeToHash, () => viewFromHash(window.location.hash));
}

/**
 * The view to show this user: the one in the hash when the role may use it, else the role's landing view (a
 * fresh sign-in, or a hash left by someone else or typed by hand).
 */
export function useCurrentView(principal?: Principal): View {
  const view = useHashView();
  if (!principal) return view ?? 'wall';
  return view !== null && viewsFor(principal).includes(view) ? view : landingView(principal);
}

export function navigateTo(view: View): void {
  window.location.hash = `#/${view}`;
}

/** Replace the hash without a history entry (landing, or correcting a view the role may not use). */
export function replaceView(view: View | null): void {
  const url = `${window.location.pathname}${window.location.search}${view ? `#/${view}` : ''}`;
  window.history.replaceState(null, '', url);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}
