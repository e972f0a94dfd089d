/**
 * One client process of the push-latency bench: a share of the consoles (socket.io-client), as on separate machines
 * in a county, so that decoding ~4,000 pushes a second does not queue on one event loop and count as hub latency.
 * The parent sends {url, tokens}; this process connects them and answers 'connected'; on 'start' it watches its own
 * event-loop delay; on 'stop' it answers with every latency (arrival − the send time the reporter wrote into the
 * report's description, on the machine's wall clock, which every process on one machine shares) and that delay.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import { io, type Socket } from 'socket.io-client';

export type ToConsoles = { type: 'connect'; url: string; tokens: string[] } | { type: 'start' } | { type: 'stop' };
export type FromConsoles =
  { type: 'connected' } | { type: 'result'; latencies: number[]; loopDelayP99Ms: number; loopDelayMaxMs: number };

/** Milliseconds on the wall clock, sub-millisecond resolution, comparable across processes on one machine. */
export const wallNow = (): number => performance.timeOrigin + performance.now();
/** The reporter writes its send time into the description; the consoles read it back. */
export const stampedDescription = (n: number, sentAt: number): string => `推送压测 ${n} @${sentAt.toFixed(3)}`;
const sentAtOf = (description: string): number | undefined => {
  const match = /@(\d+\.\d+)$/.exec(description);
  return match ? Number(match[1]) : undefined;
};

// Only when run as the child process (the parent imports the helpers above).
if (process.send && process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sockets: Socket[] = [];
  const latencies: number[] = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 10 });
  process.on('message', (m: ToConsoles) => {
    if (m.type === 'connect') {
      for (const token of m.tokens) {
        const socket = io(`${m.url}/console`, { auth: { token }, transports: ['websocket'] });
        socket.on('case.changed', (change: { case: { description: string } }) => {
          const sentAt = sentAtOf(change.case.description);
          if (sentAt !== undefined) latencies.push(wallNow() - sentAt);
        });
        sockets.push(socket);
      }
      void Promise.all(
        sockets.map((s) => (s.connected ? null : new Promise<void>((r) => s.once('connect', () => r())))),
      ).then(() => process.send!({ type: 'connected' } satisfies FromConsoles));
    } else if (m.type === 'start') {
      loopDelay.enable();
    } else {
      loopDelay.disable();
      sockets.forEach((s) => s.disconnect());
      const result: FromConsoles = {
        type: 'result',
        latencies,
        loopDelayP99Ms: loopDelay.percentile(99) / 1e6,
        loopDelayMaxMs: loopDelay.max / 1e6,
      };
      // Hang up only once the (large) answer has left: a disconnect right after send() drops it.
      process.send!(result, () => process.disconnect());
    }
  });
}
