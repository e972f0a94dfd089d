/**
 * ONVIF through the administrator's path (no SQL): the camera import's optional onvif_url / onvif_username /
 * onvif_password columns and the camera edit set a PTZ camera's ONVIF address and account; the password is write-only
 * (answers say only whether one is set, a report never echoes it); an empty cell or a blank field keeps what is
 * stored; a bad address (not http(s), or with credentials in it) or ONVIF on a fixed camera is refused, writing nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cameraImport, loginAs, orgImport, sampleFile, startCountyHub, type CountyHub } from '../support/county-hub.js';
import { api } from '../support/test-hub.js';

const PTZ_CODE = '43990101001310000003'; // the sample's first PTZ camera
const FIXED_CODE = '43990101001320000001';
const PASSWORD = 'Onvif-Secret-93a7';
let hub: CountyHub;
let admin: string;
const answers: string[] = [];

const [header, ...rows] = sampleFile('cameras.csv').trim().split('\n');
/** The sample file with ONVIF columns; `cells` gives a camera's three ONVIF cells by code. */
const withOnvif = (cells: Record<string, [string, string, string]>) =>
  [
    `${header},onvif_url,onvif_username,onvif_password`,
    ...rows.map((r) => `${r},${(cells[r.split(',')[0]!] ?? ['', '', '']).join(',')}`),
  ].join('\n');
const stored = () =>
  hub.context.db.raw
    .prepare(
      `SELECT onvif_url AS url, onvif_username AS username, onvif_password AS password FROM cameras WHERE code = ?`,
    )
    .get(PTZ_CODE) as { url: string | null; username: string | null; password: string | null };
const adminCamera = async () => {
  const r = await api(hub, 'GET', '/api/v1/admin/cameras', { token: admin });
  answers.push(JSON.stringify(r.body));
  return (r.body.items as Array<Record<string, unknown>>).find((c) => c.code === PTZ_CODE)!;
};
const importCsv = async (text: string, dryRun: boolean) => {
  const r = await cameraImport(hub, admin, text, dryRun);
  answers.push(JSON.stringify(r.body));
  return r;
};

beforeAll(async () => {
  hub = await startCountyHub();
  admin = await loginAs(hub, 'admin1');
  expect((await orgImport(hub, admin, sampleFile('org-units.geojson'), false)).status).toBe(200);
  expect((await cameraImport(hub, admin, sampleFile('cameras.csv'), false)).status).toBe(200);
}, 120_000);
afterAll(() => hub?.dispose());

describe('the camera import carries ONVIF', () => {
  it('sets a PTZ camera address and account; answers say only that a password is set', async () => {
    const csv = withOnvif({ [PTZ_CODE]: ['http://10.39.1.13/onvif/device_service', 'ptz-op', PASSWORD] });
    const dry = await importCsv(csv, true);
    expect(dry.body).toMatchObject({ problems: [], counts: { updated: 1, unchanged: 11 } });
    expect(stored().url).toBeNull(); // a dry run writes nothing
    const real = await importCsv(csv, false);
    expect(real.status).toBe(200);
    expect(stored()).toEqual({ url: 'http://10.39.1.13/onvif/device_service', username: 'ptz-op', password: PASSWORD });
    expect(await adminCamera()).toMatchObject({
      onvifUrl: 'http://10.39.1.13/onvif/device_service',
      onvifUsername: 'ptz-op',
      onvifPasswordSet: true,
    });

    // The same file again without passwords (as exported for a colleague) changes nothing.
    const again = await importCsv(withOnvif({ [PTZ_CODE]: ['http://10.39.1.13/onvif/device_service', '', ''] }), false);
    expect(again.body.counts).toMatchObject({ updated: 0, unchanged: 12 });
    expect(stored().password).toBe(PASSWORD);
  });

  it('refuses a non-http address, credentials in the address and ONVIF on a fixed camera, naming no password', async () => {
    const bad = withOnvif({
      [PTZ_CODE]: ['rtsp://10.39.1.13/onvif', 'ptz-op', 'Another-Secret-1'],
      [FIXED_CODE]: ['http://10.39.1.11/onvif/device_service', 'ptz-op', 'Another-Secret-1'],
    });
    const dry = await importCsv(bad, true);
    const kinds = (dry.body.problems as Array<{ code: string; kind: string }>).map((p) => [p.code, p.kind]);
    expect(kinds).toEqual([
      [FIXED_CODE, 'bad_onvif'],
      [PTZ_CODE, 'bad_onvif'],
    ]);
    const withCredentials = withOnvif({ [PTZ_CODE]: ['http://ptz:Another-Secret-1@10.39.1.13/onvif', '', ''] });
    expect((await importCsv(withCredentials, true)).body.problems).toMatchObject([{ kind: 'bad_onvif' }]);
    const refused = await importCsv(bad, false);
    expect(refused.status).toBe(422);
    expect(stored()).toMatchObject({ url: 'http://10.39.1.13/onvif/device_service', password: PASSWORD });
  });
});

describe('the camera edit sets ONVIF, the password write-only', () => {
  const edit = async (onvif: Record<string, string>) => {
    const c = await adminCamera();
    const body = {
      ...{ code: c.code, name: c.name, unitCode: c.unitCode, position: c.position, sensitive: c.sensitive },
      ...{ ptz: c.ptz, mainUrl: '', subUrl: '', ...onvif },
    };
    const r = await api(hub, 'POST', `/api/v1/admin/cameras/${c.id}`, { token: admin, body });
    answers.push(JSON.stringify(r.body));
    return r;
  };

  it('changes the account, keeps the password when left blank, clears all with an empty address', async () => {
    const changed = await edit({ onvifUsername: 'ptz-op2', onvifPassword: 'Edited-Secret-55' });
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({ onvifUsername: 'ptz-op2', onvifPasswordSet: true });
    expect(stored()).toMatchObject({ username: 'ptz-op2', password: 'Edited-Secret-55' });

    expect((await edit({ onvifPassword: '' })).status).toBe(200); // blank: kept
    expect(stored().password).toBe('Edited-Secret-55');

    const notHttp = await edit({ onvifUrl: 'ftp://10.39.1.13/onvif', onvifPassword: 'Never-Stored-1' });
    expect(notHttp.status).toBe(400);
    expect(notHttp.body.error.code).toBe('validation_failed');
    expect(stored().password).toBe('Edited-Secret-55'); // a refused edit writes nothing

    const cleared = await edit({ onvifUrl: '' });
    expect(cleared.body).toMatchObject({ onvifUrl: null, onvifUsername: null, onvifPasswordSet: false });
    expect(stored()).toEqual({ url: null, username: null, password: null });
  });

  it('never answers a password: not in an import report, a camera list or an edit answer', () => {
    expect(answers.length).toBeGreaterThan(8);
    for (const secret of [PASSWORD, 'Another-Secret-1', 'Edited-Secret-55', 'Never-Stored-1']) {
      expect(answers.filter((a) => a.includes(secret))).toEqual([]);
    }
  });
});
