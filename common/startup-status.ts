/**
 * What the desktop app's first-start screen shows: the embedded hub's start-up steps as they advance, then ready, or
 * the reason it failed and where its log is. Main keeps it (main/hub-process/startup-status.ts) and serves it as JSON
 * on the app's own protocol; the renderer's start-up screen polls it. Plain data, shared by both sides.
 */
export const STARTUP_STEPS = ['county', 'history', 'clips'] as const;
export type StartupStep = (typeof STARTUP_STEPS)[number];

export interface StepProgress {
  readonly done: number;
  readonly total: number;
}

export interface StartupStatus {
  /** starting → ready; `restarting` after a crash (with its reason); `failed` when the hub cannot be started. */
  readonly phase: 'starting' | 'ready' | 'restarting' | 'failed';
  readonly steps: Readonly<Record<StartupStep, StepProgress | null>>;
  /** Why the hub stopped or could not start (`restarting`, `failed`). */
  readonly reason: string | null;
  /** The hub's log file, for `failed` (null when it logs nowhere). */
  readonly logPath: string | null;
}

/** Share of the bar each step fills: seeding the county is quick, the history and the clips take the time. */
const WEIGHTS: Readonly<Record<StartupStep, number>> = { county: 0.15, history: 0.45, clips: 0.4 };

/** 0 … 1 over the steps reported so far; a step not reported yet counts as not started, `ready` as full. */
export function startupFraction(status: StartupStatus): number {
  if (status.phase === 'ready') return 1;
  let sum = 0;
  for (const step of STARTUP_STEPS) {
    const progress = status.steps[step];
    if (progress && progress.total > 0) sum += WEIGHTS[step] * Math.min(1, progress.done / progress.total);
  }
  return Math.min(1, sum);
}
