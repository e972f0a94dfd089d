/**
 * Run inside the hub's namespace by bench/remote-console.ts: as the county duty officer, report `count` cases in
 * grids of a township, one every `intervalMs`, and print one JSON line per case: {caseId, sentAt} (sentAt is taken
 * just before the POST, on the machine's one clock, which the console's page shares).
 * Usage: netns-reports.ts <hubUrl> <townshipCode> <count> <intervalMs> <description prefix>
 */
import { dutyOfficerAndGrids, hubApi } from '../../tests/support/hub-script-api.js';

const [hubUrl = '', township = '', countArg = '1', intervalArg = '0', prefix = 'bench'] = process.argv.slice(2);

const api = (method: string, path: string, token?: string, body?: unknown) => hubApi(hubUrl, method, path, token, body);

const { token, grids } = await dutyOfficerAndGrids(hubUrl, township);
for (let i = 0; i < Number(countArg); i += 1) {
  const grid = grids[i % grids.length]!;
  const sentAt = Date.now();
  const { caseId } = await api('POST', '/api/v1/events', token, {
    source: 'hotline',
    categoryName: '违法建设',
    grade: 'general',
    location: { lon: grid.center[0], lat: grid.center[1] },
    description: `${prefix} ${i}`,
  });
  console.log(JSON.stringify({ caseId, sentAt }));
  if (Number(intervalArg) > 0) await new Promise((r) => setTimeout(r, Number(intervalArg)));
}
