/**
 * The named stand-in for Electron's `utilityProcess.fork` (no Electron binary can be downloaded here): Node's
 * `child_process.fork`, which carries the same structured messages, adapted to the supervisor's `HubChild` exactly as
 * main/electron/index.ts adapts a UtilityProcess. TypeScript modules run through tsx. The forked processes are kept
 * in `forked` so a test can kill one as a crash would.
 */
import { fork, type ChildProcess } from 'node:child_process';
import type { ForkHub } from '../../main/hub-process/supervisor.js';

export const forked: ChildProcess[] = [];
/** The end of each forked process's stderr (read, so a chatty child never blocks on a full pipe). */
export const stderrTails = new Map<ChildProcess, string>();

export const forkWithNode: ForkHub = (modulePath, env) => {
  const child = fork(modulePath, [], {
    env,
    execArgv: modulePath.endsWith('.ts') ? ['--import', 'tsx'] : [],
    // The hub logs JSON lines to stdout; a test reads results from messages, not from its output.
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  forked.push(child);
  stderrTails.set(child, '');
  child.stderr!.on('data', (chunk: Buffer) => stderrTails.set(child, (stderrTails.get(child)! + chunk).slice(-4000)));
  return {
    postMessage: (message) => void (child.connected && child.send(message)),
    onMessage: (listener) => void child.on('message', listener),
    // Electron reports a crash as a non-zero code; Node gives a signal instead of a code when killed.
    onExit: (listener) => void child.once('exit', (code, signal) => listener(code ?? (signal ? 128 + 9 : 1))),
    kill: () => void child.kill('SIGKILL'),
  };
};
