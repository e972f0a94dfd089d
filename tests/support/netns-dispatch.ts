/**
 * Run inside the hub's namespace by the multi-host suite: as the county duty officer, report a case in a grid of
 * the township given, file it and dispatch it to that township (lead). Prints {caseId, version, legId} as JSON.
 * Usage: netns-dispatch.ts <hubUrl> <townshipCode> <description>
 */
import { dutyOfficerAndGrids, hubApi } from './hub-script-api.js';

const [hubUrl = '', township = '', description = ''] = process.argv.slice(2);

const api = (method: string, path: string, token?: string, body?: unknown) => hubApi(hubUrl, method, path, token, body);

const { token, grids } = await dutyOfficerAndGrids(hubUrl, township);
const grid = grids[0]!;
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
