/**
 * For scripts run outside vitest inside the hub's namespace (netns-dispatch.ts, bench/lib/netns-reports.ts): one
 * JSON call to the hub's HTTP API, every write with a fresh Idempotency-Key, and the county duty officer's token
 * plus the grids of a township.
 */
import { randomUUID } from 'node:crypto';

export async function hubApi(
  hubUrl: string,
  method: string,
  path: string,
  token?: string,
  body?: unknown,
): Promise<any> {
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

export async function dutyOfficerAndGrids(
  hubUrl: string,
  township: string,
): Promise<{ token: string; grids: Array<{ code: string; center: [number, number] }> }> {
  const { token } = await hubApi(hubUrl, 'POST', '/api/v1/auth/login', undefined, {
    username: 'county.duty',
    password: 'Demo@2026',
  });
  const units = (await hubApi(hubUrl, 'GET', '/api/v1/org-units', token)).items as Array<{
    code: string;
    level: string;
    center: [number, number];
  }>;
  return { token, grids: units.filter((u) => u.level === 'grid' && u.code.startsWith(township)) };
}
