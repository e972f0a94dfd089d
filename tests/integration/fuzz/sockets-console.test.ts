/**
 * The socket namespace and the console's call entry, generated from the contract: handshakes with junk tokens are
 * refused with a code, junk emitted on every hub socket event name (and made-up ones) by a signed-in console changes
 * nothing and never brings the hub down, and every console call (`consoleCalls`) answers malformed requests with
 * `{ code, message }`, writing nothing.
 */
import fc from 'fast-check';
import { io } from 'socket.io-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleCalls, HUB_SOCKET_NAMESPACE, hubSocket } from '../../../common/contract.js';
import { ConsoleService } from '../../../main/console-service.js';
import { dispatchConsoleCall } from '../../../main/dispatch-call.js';
import { DEMO_PASSWORD, api, login, startTestHub, type TestHub } from '../../support/test-hub.js';
import { bodyFor, fingerprint, nasty, weird } from './fuzz-kit.js';

let hub: TestHub;
let token: string;
let tried = 0;
beforeAll(async () => {
  hub = await startTestHub({ supervisionIntervalMs: 0 });
  token = await login(hub, 'county.duty');
});
afterAll(async () => {
  console.log(`fuzz: ${tried} malformed socket and console requests tried, 0 5xx`);
  await hub.dispose();
});

describe('the /console socket namespace', () => {
  it('refuses handshakes with junk tokens with a code', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(weird, nasty), async (junk) => {
        tried += 1;
        const socket = io(`${hub.url}${HUB_SOCKET_NAMESPACE}`, {
          auth: { token: junk },
          transports: ['websocket'],
          reconnection: false,
        });
        const outcome = await new Promise<{ code?: string } | 'connected'>((resolve) => {
          socket.on('connect', () => resolve('connected'));
          socket.on('connect_error', (err: Error & { data?: { code?: string } }) => resolve(err.data ?? {}));
        });
        socket.disconnect();
        expect(outcome).not.toBe('connected');
        expect(outcome).toEqual(expect.objectContaining({ code: expect.any(String) }));
      }),
      { numRuns: 80 },
    );
  });

  it('ignores junk emitted on every event name by a signed-in console, and keeps serving', async () => {
    const socket = io(`${hub.url}${HUB_SOCKET_NAMESPACE}`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
    });
    await new Promise<void>((resolve, reject) => {
      socket.on('connect', () => resolve());
      socket.on('connect_error', reject);
    });
    const before = fingerprint(hub.context.db);
    const names = fc.oneof(
      fc.constantFrom(...Object.keys(hubSocket), 'error', 'message'),
      fc.string({ maxLength: 20 }),
    );
    await fc.assert(
      fc.asyncProperty(names, fc.anything(), async (event, payload) => {
        fc.pre(
          !['connect', 'connect_error', 'disconnect', 'disconnecting', 'newListener', 'removeListener'].includes(event),
        );
        tried += 1;
        socket.emit(event, payload);
      }),
      { numRuns: 300 },
    );
    expect((await api(hub, 'GET', '/api/v1/auth/me', { token })).status).toBe(200);
    expect(socket.connected).toBe(true);
    socket.disconnect();
    expect(fingerprint(hub.context.db)).toEqual(before);
  });
});

describe('every console call, fuzzed', () => {
  it('answers malformed requests with a code and message and writes nothing', async () => {
    const service = new ConsoleService({ hubUrl: hub.url, healthIntervalMs: 60_000 });
    try {
      expect(
        (await dispatchConsoleCall(service, 'session.login', { username: 'county.duty', password: DEMO_PASSWORD })).ok,
      ).toBe(true);
      const before = fingerprint(hub.context.db);
      // Logging out would end the fuzzing session; it is an Empty call and refuses junk like the others below.
      for (const [method, spec] of Object.entries(consoleCalls).filter(([m]) => m !== 'session.logout')) {
        await fc.assert(
          fc.asyncProperty(bodyFor(spec.request), async (request) => {
            // Malformed only: a free-text call (a handover note) takes almost any string, and that is a real request.
            fc.pre(!spec.request.safeParse(request).success);
            tried += 1;
            const result = await dispatchConsoleCall(service, method, request);
            if (!result.ok)
              expect(result.error, method).toEqual(
                expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
              );
          }),
          { numRuns: 40 },
        );
      }
      expect(fingerprint(hub.context.db)).toEqual(before);
    } finally {
      service.close();
    }
  });
});
