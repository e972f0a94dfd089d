// A stand-in hub process for the supervisor's restart policy: reports ready (a URL that is never called), then after
// CRASH_AFTER_MS reports a fatal reason (when CRASH_REASON is set) and exits with code 3. Counts its starts in
// START_LOG so the test sees every restart.
import { appendFileSync } from 'node:fs';

appendFileSync(process.env.START_LOG, `${process.env.GRID_HUB_PORT ?? 'first'}\n`);
process.send({ type: 'progress', step: 'county', done: 1, total: 1 });
process.send({ type: 'ready', url: 'http://127.0.0.1:47001', logPath: '/var/log/grid/current.log' });
process.send({ type: 'made-up', anything: true }); // not in the protocol: ignored
setTimeout(() => {
  if (process.env.CRASH_REASON)
    process.send({ type: 'fatal', message: process.env.CRASH_REASON, logPath: '/var/log/grid/current.log' });
  setTimeout(() => process.exit(3), 20);
}, Number(process.env.CRASH_AFTER_MS));
