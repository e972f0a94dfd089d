/**
 * Who is signed in, and how the console service's link to the county hub is doing. One small store because the
 * header, the login page and the push handlers all read the same facts.
 */
import { create } from 'zustand';
import type { ConnectionStatus, SessionEnded, User } from '../../../common/schemas.js';
import { call, onSessionLost } from '../bridge/index.js';

export type SessionPhase = 'starting' | 'signed-out' | 'signed-in';
export type SessionEndReason = SessionEnded['reason'];

interface SessionState {
  phase: SessionPhase;
  user: User | null;
  /** Why the previous session ended, shown once on the login page. */
  endedReason: SessionEndReason | null;
  /** The start-up failure (kept raw so the message follows a language switch). */
  startError: unknown;
  connection: ConnectionStatus | null;
  start(): Promise<void>;
  login(username: string, password: string): Promise<void>;
  logout(): Promise<void>;
  /** The user's own password; the console continues on the new session (errors go to the form). */
  changePassword(currentPassword: string, newPassword: string): Promise<void>;
  sessionEnded(reason: SessionEndReason): void;
  setConnection(status: ConnectionStatus): void;
  refreshConnection(): Promise<void>;
}

export const useSessionStore = create<SessionState>()((set, get) => ({
  phase: 'starting',
  user: null,
  endedReason: null,
  startError: null,
  connection: null,

  async start() {
    void get().refreshConnection();
    try {
      const user = await call('session.current', {});
      set({ phase: user ? 'signed-in' : 'signed-out', user, startError: null });
    } catch (error) {
      set({ phase: 'signed-out', user: null, startError: error });
    }
  },

  async login(username, password) {
    // Errors go to the caller: the login form shows them next to the fields.
    const user = await call('session.login', { username, password });
    set({ phase: 'signed-in', user, endedReason: null, startError: null });
  },

  async changePassword(currentPassword, newPassword) {
    const user = await call('session.changePassword', { currentPassword, newPassword });
    set({ user });
  },

  async logout() {
    try {
      await call('session.logout', {});
    } catch {
      // The service drops its session on its own; locally we sign out regardless, never leave the user stuck.
    }
    get().sessionEnded('logout');
  },

  sessionEnded(reason) {
    set({ phase: 'signed-out', user: null, endedReason: reason });
  },

  setConnection(status) {
    set({ connection: status });
  },

  async refreshConnection() {
    try {
      set({ connection: await call('connection.status', {}) });
    } catch {
      // Leave the last known status; the badge shows "unknown" until a push or the next refresh.
    }
  },
}));

/**
 * A call refused for want of a session (signed out in another window, the service restarted, the token expired):
 * the bridge reports it here, for every call, and the console goes back to the login page instead of staying on
 * views that can no longer load anything.
 */
onSessionLost((loss) => {
  if (useSessionStore.getState().phase === 'signed-in') useSessionStore.getState().sessionEnded(loss);
});
