/**
 * The typed hub client: what each route takes is checked by the compiler (the `@ts-expect-error` lines fail the
 * typecheck if a wrong call compiles), and on the wire it sends the key, params and query, and refuses an answer
 * that does not match the route's response schema.
 */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HubClient } from '../../main/hub-client.js';

let server: Server;
let client: HubClient;
const seen: IncomingMessage[] = [];
let answer: { status: number; body: unknown } = { status: 200, body: {} };

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push(request);
    request.resume();
    request.on('end', () => {
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  client = new HubClient(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const move = { expectedVersion: 1, move: { type: 'sign' as const, legId: 'L1' } };

/** Never run: it only has to compile (or, on the marked lines, not compile). */
export function typeChecks(hub: HubClient): void {
  // @ts-expect-error an idempotent route needs its idempotency key
  void hub.call('moveCase', { token: 't', params: { caseId: 'C1' }, body: move });
  // @ts-expect-error a route that is not idempotent takes no key
  void hub.call('wallLayouts', { token: 't', idempotencyKey: 'k' });
  // @ts-expect-error a route with path parameters needs them
  void hub.call('caseDetail', { token: 't' });
  // @ts-expect-error a GET route takes no body
  void hub.call('board', { token: 't', body: {} });
  void hub.call('moveCase', { token: 't', params: { caseId: 'C1' }, body: move, idempotencyKey: 'k' });
  void hub.call('health');
}

describe('HubClient', () => {
  it('sends the bearer token, the idempotency key and the path parameters', async () => {
    answer = { status: 500, body: { error: { code: 'internal', message: 'x' } } };
    await expect(
      client.call('moveCase', { token: 'tok', params: { caseId: 'C 1' }, body: move, idempotencyKey: 'key-1' }),
    ).rejects.toMatchObject({ code: 'internal', status: 500 });
    const request = seen.at(-1)!;
    expect(request.url).toBe('/api/v1/cases/C%201/moves');
    expect(request.headers.authorization).toBe('Bearer tok');
    expect(request.headers['idempotency-key']).toBe('key-1');
  });

  it('puts the query in the URL and leaves out what is undefined', async () => {
    answer = { status: 200, body: { changes: [], lastSeq: 0 } };
    await client.call('caseChanges', { token: 'tok', query: { since: 7 } }).catch(() => undefined);
    expect(seen.at(-1)!.url).toBe('/api/v1/cases/changes?since=7');
  });

  it('parses the answer with the route’s response schema', async () => {
    answer = { status: 200, body: { status: 'ok', county: null, demo: true, time: '2026-01-01T00:00:00Z' } };
    await expect(client.call('health')).resolves.toEqual(answer.body);
    answer = { status: 200, body: { status: 'fine' } };
    await expect(client.call('health')).rejects.toMatchObject({ code: 'internal' });
  });
});
