/** Helpers for dispatch tests: report, move and read cases through the hub's real HTTP API. */
import { randomUUID } from 'node:crypto';
import { api } from './test-hub.js';

/** A point inside a grid of the given township of the demo county (the grid's own centre). */
export async function pointInTownship(hub: { url: string }, token: string, townshipCode: string) {
  const units = (await api(hub, 'GET', '/api/v1/org-units', { token })).body.items as Array<{
    code: string;
    level: string;
    center: [number, number];
  }>;
  const grid = units.find((u) => u.level === 'grid' && u.code.startsWith(townshipCode))!;
  return { gridCode: grid.code, location: { lon: grid.center[0], lat: grid.center[1] } };
}

export async function report(
  hub: { url: string },
  token: string,
  body: Record<string, unknown>,
  key: string = randomUUID(),
) {
  return api(hub, 'POST', '/api/v1/events', { token, body, headers: { 'idempotency-key': key } });
}

export async function move(
  hub: { url: string },
  token: string,
  caseId: string,
  expectedVersion: number,
  m: Record<string, unknown>,
  key: string = randomUUID(),
) {
  return api(hub, 'POST', `/api/v1/cases/${caseId}/moves`, {
    token,
    body: { expectedVersion, move: m },
    headers: { 'idempotency-key': key },
  });
}

export async function getCase(hub: { url: string }, token: string, caseId: string) {
  return api(hub, 'GET', `/api/v1/cases/${caseId}`, { token });
}

/** A fresh open case in a grid of the township, reported by the (county) token's user over the hotline. */
export async function openCaseIn(hub: { url: string }, token: string, townshipCode: string): Promise<string> {
  const place = await pointInTownship(hub, token, townshipCode);
  const res = await report(hub, token, {
    source: 'hotline',
    categoryName: '违法建设',
    grade: 'general',
    location: place.location,
    description: '测试案件',
  });
  if (res.status !== 201) throw new Error(`report failed: ${JSON.stringify(res.body)}`);
  return res.body.caseId as string;
}

/**
 * A deadline soon after now, for a test that needs a leg to go overdue. The hub refuses a deadline already past when
 * the dispatch arrives, and on a loaded CI machine a request took longer than the 300–500 ms these tests once gave
 * it: two seconds of margin, then `untilPast` waits it out.
 */
export function dueSoon(): number {
  return Date.now() + 2_000;
}

/** Waits until the deadline is behind us (plus a little, so the hub's clock agrees). */
export async function untilPast(dueAt: number): Promise<void> {
  const wait = dueAt - Date.now() + 100;
  if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
}
