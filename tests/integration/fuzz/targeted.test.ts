/**
 * Bad input at every boundary, generated (fast-check, bounded in runs and time): random and malformed bodies, huge
 * strings, wrong types, NaN/Infinity, unicode oddities, SQL and path fragments — against intake, import, moves,
 * stream tickets and the media gateway over real HTTP, and against the console's IPC entry. Expected: only 4xx with
 * the error shape, never a 5xx or a crash, and nothing written. Prints how many cases were tried.
 */
import fc from 'fast-check';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from '../../../hub/db/sql.js';
import { ConsoleService } from '../../../main/console-service.js';
import { dispatchConsoleCall } from '../../../main/dispatch-call.js';
import { pointInTownship } from '../../support/cases.js';
import { DEMO_PASSWORD, login, startTestHub, type TestHub } from '../../support/test-hub.js';

const RUNS = 120;
let hub: TestHub;
let token: string;
let valid: Record<string, unknown>;
let tried = 0;

beforeAll(async () => {
  hub = await startTestHub({ supervisionIntervalMs: 0 });
  token = await login(hub, 'county.duty');
  const place = await pointInTownship(hub, token, '431099002');
  valid = { source: 'hotline', categoryName: '暴露垃圾', location: place.location, description: '路边垃圾' };
});
afterAll(async () => {
  console.log(`fuzz: ${tried} malformed requests tried, no 5xx, nothing written`);
  await hub.dispose();
});

let admin: string | undefined;
const adminToken = async () => (admin ??= await login(hub, 'admin'));

const counts = () => ({
  cases: hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM cases`)!.n,
  history: hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM case_history`)!.n,
  keys: hub.context.db.get<{ n: number }>(sql`SELECT count(*) AS n FROM idempotency_keys`)!.n,
});

const NASTY = [
  "'; DROP TABLE cases; --",
  '../../../../etc/passwd',
  '..%2f..%2fhub.sqlite',
  '\u0000',
  '\uD800',
  '\u202E美国',
  '🏮'.repeat(50),
  'NaN',
  'Infinity',
  '-1e309',
  '<script>alert(1)</script>',
  '%00',
  '${jndi:ldap://x}',
  'x'.repeat(70_000),
];
const nasty = fc.constantFrom(...NASTY);
const weird = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  nasty,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.anything(), { maxLength: 3 }),
  fc.object({ maxDepth: 2 }),
);
/** A valid report with one field broken, or a field added, or random JSON altogether. */
const brokenReport = () =>
  fc.oneof(
    fc
      .record({
        field: fc.constantFrom(
          'source',
          'categoryName',
          'categoryCode',
          'grade',
          'location',
          'description',
          'reportedAt',
          'reporter',
          'photos',
          'extra',
        ),
        value: weird,
      })
      .map(({ field, value }) => ({ ...valid, [field]: value })),
    fc
      .record({ lon: fc.oneof(fc.double(), nasty), lat: fc.oneof(fc.double(), nasty) })
      .map((location) => ({ ...valid, location })),
    fc.anything(),
  );

/** Raw text bodies that are not JSON at all, or JSON with NaN/Infinity spelled out. */
const rawText = fc.oneof(
  nasty,
  fc.string(),
  fc.constant('{"location":{"lon":NaN,"lat":Infinity}}'),
  fc.constant('[1,2,'),
);

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  tried += 1;
  const res = await fetch(`${hub.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers },
    body,
  });
  return {
    status: res.status,
    body: (await res.json().catch(() => null)) as { error?: { code: string; message: string } } | null,
  };
}

function expectRefusal(res: { status: number; body: { error?: { code: string; message: string } } | null }) {
  expect(res.status).toBeGreaterThanOrEqual(400);
  expect(res.status).toBeLessThan(500);
  // 431: Node's HTTP parser refuses a URL over its 16 KiB header limit before the hub sees it — still a clean 4xx.
  if (res.status === 431) return;
  expect(res.body?.error).toEqual(expect.objectContaining({ code: expect.any(String), message: expect.any(String) }));
}

/** encodeURIComponent, or null for strings no URL can carry (lone surrogates): those cases are skipped. */
const encodable = (value: string): string | null => {
  try {
    return encodeURIComponent(value);
  } catch {
    return null;
  }
};

describe('fuzzed boundaries', () => {
  it('intake refuses every malformed report with a 4xx and writes nothing', async () => {
    const before = counts();
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(brokenReport(), async (body) => {
        const res = await post('/api/v1/events', JSON.stringify(body), { 'idempotency-key': randomUUID() });
        if (res.status === 201)
          accepted += 1; // a mutation that happened to stay valid (e.g. a valid grade)
        else expectRefusal(res);
      }),
      { numRuns: RUNS, interruptAfterTimeLimit: 30_000 },
    );
    await fc.assert(
      fc.asyncProperty(rawText, async (text) =>
        expectRefusal(await post('/api/v1/events', text, { 'idempotency-key': randomUUID() })),
      ),
      { numRuns: 40 },
    );
    const after = counts();
    expect(after.cases - before.cases).toBe(accepted);
    expect(after.keys - before.keys).toBe(accepted);
  }, 120_000); // hundreds of requests: over 30 s on a loaded CI machine

  it('import rejects malformed lines one by one and never answers 5xx', async () => {
    const before = counts();
    await fc.assert(
      fc.asyncProperty(
        fc.array(
          fc.oneof(
            rawText,
            fc.anything().map((v) => JSON.stringify(v) ?? 'undefined'),
          ),
          { minLength: 1, maxLength: 8 },
        ),
        async (lines) => {
          tried += 1;
          const res = await fetch(`${hub.url}/api/v1/events/import`, {
            method: 'POST',
            // Import is the administrator's tool: fuzz it as one, so lines reach the importer.
            headers: { 'content-type': 'application/x-ndjson', authorization: `Bearer ${await adminToken()}` },
            body: lines.join('\n'),
          });
          expect(res.status).toBeLessThan(500);
          const body = (await res.json()) as { imported?: number };
          if (res.status === 200) expect(body.imported).toBe(0);
        },
      ),
      { numRuns: 60, interruptAfterTimeLimit: 20_000 },
    );
    expect(counts().cases).toBe(before.cases);
  });

  it('moves on random or foreign case ids and malformed moves are refused, nothing written', async () => {
    const receipt = await post('/api/v1/events', JSON.stringify(valid), { 'idempotency-key': randomUUID() });
    const caseId = (receipt.body as unknown as { caseId: string }).caseId;
    const before = counts();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(fc.constant(caseId), nasty, fc.string({ maxLength: 80 })),
        fc.oneof(
          fc.anything(),
          fc.record({
            expectedVersion: weird,
            move: fc.oneof(
              weird,
              fc.record({
                type: fc.constantFrom('dispatch', 'sign', 'check', 'merge', 'evaluate'),
                legId: weird,
                lead: weird,
                rating: weird,
              }),
            ),
          }),
        ),
        async (id, body) => {
          const encoded = encodable(id);
          fc.pre(encoded !== null);
          const path = `/api/v1/cases/${encoded}/moves`;
          const res = await post(path, JSON.stringify(body) ?? 'null', { 'idempotency-key': randomUUID() });
          if (res.status !== 404 || res.body) expectRefusal(res);
        },
      ),
      { numRuns: RUNS, interruptAfterTimeLimit: 30_000 },
    );
    const after = counts();
    expect(after).toEqual(before);
  });

  it('stream tickets and media requests with junk are refused, never 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(nasty, fc.string({ maxLength: 40 })), fc.anything(), async (cameraId, body) => {
        const id = encodable(cameraId);
        let text: string;
        try {
          text = typeof body === 'string' ? body : (JSON.stringify(body) ?? 'undefined');
        } catch {
          text = 'unprintable';
        }
        const token = encodable(text.slice(0, 200));
        fc.pre(id !== null && token !== null);
        const res = await post(`/api/v1/cameras/${id}/stream`, JSON.stringify(body) ?? 'null');
        expectRefusal(res);
        tried += 1;
        const media = await fetch(`${hub.url}/media/${id}/${token}/index.m3u8`);
        expect(media.status).toBeGreaterThanOrEqual(400);
        expect(media.status).toBeLessThan(500);
        await media.arrayBuffer();
      }),
      { numRuns: 60, interruptAfterTimeLimit: 20_000 },
    );
  });

  it('the console IPC entry refuses unknown methods and malformed requests with a code, never throws', async () => {
    const service = new ConsoleService({ hubUrl: hub.url, healthIntervalMs: 60_000 });
    try {
      await dispatchConsoleCall(service, 'session.login', { username: 'county.duty', password: DEMO_PASSWORD });
      const before = counts();
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.constantFrom(
              'cases.move',
              'cases.report',
              'org.units',
              'session.login',
              'cameras.stream',
              '__proto__',
              'constructor',
            ),
            fc.string(),
          ),
          fc.anything(),
          async (method, request) => {
            tried += 1;
            const result = await dispatchConsoleCall(service, method, request);
            if (!result.ok)
              expect(result.error).toEqual(
                expect.objectContaining({ code: expect.any(String), message: expect.any(String) }),
              );
            expect(result.ok === false || ['org.units'].includes(method)).toBe(true);
          },
        ),
        { numRuns: RUNS, interruptAfterTimeLimit: 20_000 },
      );
      expect(counts()).toEqual(before);
    } finally {
      service.close();
    }
  });
});

/** Instants outside the one time range (common/time-range.ts), as epoch ms and as ISO strings. */
const outOfRangeMs = fc.oneof(
  fc.integer({ min: -8.64e15, max: Date.UTC(1999, 11, 31, 16) - 1 }),
  fc.integer({ min: Date.UTC(2099, 11, 31, 16), max: 8.64e15 }),
);
const outOfRangeIso = outOfRangeMs.map((ms) => new Date(ms).toISOString()).filter((iso) => /^\d{4}-/.test(iso));

describe('fuzz: times outside the range and hub-only fields', () => {
  it('refuses every out-of-range reportedAt or deadline and any automatic supervision, nothing written', async () => {
    const receipt = await post('/api/v1/events', JSON.stringify(valid), { 'idempotency-key': randomUUID() });
    const caseId = (receipt.body as unknown as { caseId: string }).caseId;
    const before = counts();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          outOfRangeIso.map((reportedAt) => ({ path: '/api/v1/events', body: { ...valid, reportedAt } })),
          outOfRangeMs.map((dueAt) => ({
            path: `/api/v1/cases/${caseId}/moves`,
            body: { expectedVersion: 1, move: { type: 'dispatch', lead: { unitCode: '431099002', dueAt } } },
          })),
          fc.boolean().map((automatic) => ({
            path: `/api/v1/cases/${caseId}/moves`,
            body: { expectedVersion: 1, move: { type: 'supervise', legId: 'L1', automatic } },
          })),
        ),
        async ({ path, body }) => {
          const res = await post(path, JSON.stringify(body), { 'idempotency-key': randomUUID() });
          expect(res.status).toBe(400);
          expect(res.body?.error?.code).toBe('validation_failed');
        },
      ),
      { numRuns: 60, interruptAfterTimeLimit: 20_000 },
    );
    expect(counts()).toEqual(before);
  });
});
