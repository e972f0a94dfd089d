/**
 * Listens to the console service's pushes for the signed-in session: the hub link status for the header badge and
 * the end of the session (expired, revoked elsewhere, or logged out in another window).
 * Subscribed only while signed in, so the web host's event stream is opened with a live session cookie.
 */
import { useEffect } from 'react';
import { subscribe } from '../bridge/index.js';
import { useSessionStore } from './session-store.js';

export function useSessionPushes(enabled: boolean): void {
  useEffect(() => {
    if (!enabled) return undefined;
    const { setConnection, sessionEnded, refreshConnection } = useSessionStore.getState();
    const offConnection = subscribe('connection.changed', setConnection);
    const offEnded = subscribe('session.ended', ({ reason }) => sessionEnded(reason));
    // Pushes only report changes; fetch the current state once so the badge is right from the start.
    void refreshConnection();
    return () => {
      offConnection();
      offEnded();
    };
  }, [enabled]);
}
