/**
 * Run inside the hub's namespace by the multi-host suite: as the county duty officer, report a case in a grid of
 * the township given, file it and dispatch it to that township (lead). Prints {caseId, version, legId} as JSON.
 * Usage: netns-dispatch.ts <hubUrl> <townshipCode> <description>
 */
import { randomUUID } from 'node:crypto';

const [hubUrl = '', township = '', description = ''] = process.argv.slice(2);

async function api(method: string, path: string, token?: string, body?: unknown): Promise<any> {
  const res = await fetch(new URL(path, hubUrl), {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json', 'idempotency-key': randomUUID() }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json: any = await res.json();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

const { token } = await api('POST', '/api/v1/auth/login', undefined, {
  username: 'county.duty',
  password: 'Demo@2026',
});
const units = (await api('GET', '/api/v1/org-units', token)).items as Array<{
  code: string;
  level: string;
  center: [number, number];
}>;
const grid = units.find((u) => u.level === 'grid' && u.code.startsWith(township))!;
const reported = await api('POST', '/api/v1/events', token, {
  source: 'hotline',
  categoryName: '违法建设',
  grade: 'general',
  location: { lon: grid.center[0], lat: grid.center[1] },
  description,
});
const caseId = reported.caseId as string;
let c = (await api('GET', `/api/v1/cases/${caseId}`, token)).case;
c = await api('POST', `/api/v1/cases/${caseId}/moves`, token, { expectedVersion: c.version, move: { type: 'file' } });
c = await api('POST', `/api/v1/cases/${caseId}/moves`, token, {
  expectedVersion: c.version,
  move: { type: 'dispatch', lead: { unitCode: township, dueAt: Date.now() + 3 * 86_400_000 } },
});
const lead = (c.legs as Array<{ id: string; role: string }>).find((l) => l.role === 'lead')!;
console.log(JSON.stringify({ caseId, version: c.version, legId: lead.id }));
