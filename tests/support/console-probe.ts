/**
 * A console service in its own process, for tests that need a process-wide setting such as NODE_EXTRA_CA_CERTS
 * (the explicit trust of one CA, read by Node at start). Signs in to GRID_HUB_URL as PROBE_USER, waits until its
 * socket is online, lists its units, and prints one JSON line with what it saw.
 */
import { ConsoleService } from '../../main/console-service.js';
import { dispatchConsoleCall } from '../../main/dispatch-call.js';

const service = new ConsoleService({ hubUrl: process.env.GRID_HUB_URL! });
const result: Record<string, unknown> = {};
try {
  const login = await dispatchConsoleCall(service, 'session.login', {
    username: process.env.PROBE_USER ?? 'town01.director',
    password: 'Demo@2026',
  });
  result.login = login.ok ? 'ok' : login.error.code;
  if (!login.ok) result.error = login.error.message;
  if (login.ok) {
    result.state = await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve('timeout'), 10_000);
      service.onPush((push, payload) => {
        const state = (payload as { state?: string }).state;
        if (push === 'connection.changed' && state === 'online') {
          clearTimeout(timer);
          resolve(state);
        }
      });
    });
    const units = await dispatchConsoleCall(service, 'org.units', {});
    result.units = units.ok ? (units.value as Array<{ code: string }>).map((u) => u.code) : units.error.code;
  }
} finally {
  service.close();
}
console.log(JSON.stringify(result));
process.exit(0);
