/**
 * The first-start screen's state, fed by the hub supervisor's events and served as JSON (app-protocol.ts) to the
 * renderer's start-up screen. Plain Node, tested without Electron.
 */
import type { StartupStatus, StartupStep } from '../../common/startup-status.js';
import type { HubCrash, SupervisorListener, HubStartFailure } from './supervisor.js';

export class StartupTracker {
  private status: StartupStatus = {
    phase: 'starting',
    steps: { county: null, history: null, clips: null },
    reason: null,
    logPath: null,
  };

  current(): StartupStatus {
    return this.status;
  }

  /** Progress and restarts from the supervisor; `extra` is called after each change (e.g. to show a dialog). */
  listener(extra: SupervisorListener = {}): SupervisorListener {
    return {
      progress: (p) => {
        this.set({ steps: { ...this.status.steps, [p.step as StartupStep]: { done: p.done, total: p.total } } });
        extra.progress?.(p);
      },
      ready: (url) => {
        this.set({ phase: 'ready', reason: null });
        extra.ready?.(url);
      },
      crashed: (crash: HubCrash) => {
        this.set({ phase: 'restarting', reason: crash.reason, logPath: crash.logPath });
        extra.crashed?.(crash);
      },
      gaveUp: (failure) => {
        this.failed(failure);
        extra.gaveUp?.(failure);
      },
    };
  }

  failed(failure: HubStartFailure): void {
    this.set({ phase: 'failed', reason: failure.reason, logPath: failure.logPath });
  }

  private set(change: Partial<StartupStatus>): void {
    this.status = { ...this.status, ...change };
  }
}
