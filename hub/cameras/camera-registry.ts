/**
 * The camera registry (administrators only): import by code (CSV / JSON, dry run first), add, edit, retire, probe.
 * Stream URLs carry device credentials: they are stored for the gateway and leave the hub only masked
 * (`rtsp://[credentials]@host/…`), never in a report line, an answer or a log line.
 *
 * Re-import updates cameras by code and adds new ones; a camera missing from the file is left as it is (taking a
 * camera out of service is an explicit retire, not a side effect of a shorter file).
 */
import type { AdminCamera, CameraEdit, CameraInput, ImportReport } from '../../common/county-import.js';
import { GridCommandError } from '../../common/errors.js';
import type { MultiPolygon, Polygon } from 'geojson';
import { recordAdminAct } from '../admin-audit/admin-audit-store.js';
import type { HubContext } from '../hub-context.js';
import type { AdminCaller } from '../org/org-import.js';
import { redactSecrets } from '../logging.js';
import { parseCameraFile, type CameraRow } from './camera-import-validate.js';
import {
  cameraCodeTaken,
  countyBoundary,
  existingUnitCodes,
  getRegistryCamera,
  insertRegistryCamera,
  listRegistryCameras,
  onvifChanges,
  recordProbe,
  registryCamerasByCode,
  retireCamera,
  updateRegistryCamera,
  type CameraWrite,
  type OnvifWrite,
  type RegistryCamera,
} from './camera-registry-store.js';

/** A stream URL as the admin view may see it: credentials and secret query values masked. */
export function maskStreamUrl(url: string): string {
  return redactSecrets(url);
}

export function toAdminCamera(c: RegistryCamera): AdminCamera {
  return {
    id: c.id,
    code: c.code,
    name: c.name,
    unitCode: c.unitCode,
    position: [c.lon, c.lat],
    sensitive: c.sensitive,
    ptz: c.ptz,
    online: c.online,
    retiredAt: c.retiredAt,
    mainUrlMasked: maskStreamUrl(c.mainUrl),
    subUrlMasked: maskStreamUrl(c.subUrl),
    health: c.health,
    onvifUrl: c.onvifUrl && redactSecrets(c.onvifUrl),
    onvifUsername: c.onvifUsername,
    onvifPasswordSet: Boolean(c.onvifPassword),
  };
}

/** The form's ONVIF fields as a write: absent keeps, '' clears (a blank password keeps: it is write-only). */
function onvifWriteOf(input: CameraInput | CameraEdit): OnvifWrite | undefined {
  const w: { url?: string | null; username?: string | null; password?: string | null } = {};
  if (input.onvifUrl === '') Object.assign(w, { url: null, username: null, password: null });
  else if (input.onvifUrl !== undefined) w.url = input.onvifUrl;
  if (input.onvifUrl !== '' && input.onvifUsername !== undefined) w.username = input.onvifUsername || null;
  if (input.onvifUrl !== '' && input.onvifPassword) w.password = input.onvifPassword;
  return Object.keys(w).length > 0 ? w : undefined;
}

const rowToWrite = (id: string, { at: _line, ...camera }: CameraRow): CameraWrite => ({ id, ...camera });

const sameCamera = (a: CameraWrite, b: RegistryCamera) =>
  a.name === b.name &&
  a.unitCode === b.unitCode &&
  a.lon === b.lon &&
  a.lat === b.lat &&
  a.mainUrl === b.mainUrl &&
  a.subUrl === b.subUrl &&
  a.sensitive === b.sensitive &&
  a.ptz === b.ptz &&
  !onvifChanges(a.onvif, b);

function checkContext(ctx: HubContext) {
  const units = existingUnitCodes(ctx.db);
  const county = countyBoundary(ctx.db);
  return {
    unitExists: (code: string) => units.has(code),
    county: county ? (JSON.parse(county) as Polygon | MultiPolygon) : null,
  };
}

export async function importCameras(
  ctx: HubContext,
  format: 'csv' | 'json',
  text: string,
  dryRun: boolean,
  caller: AdminCaller | null = null,
): Promise<ImportReport> {
  const started = performance.now();
  const { rows, problems, total } = parseCameraFile(format, text, checkContext(ctx));
  const plan = (known: Map<string, RegistryCamera>) => {
    const added: CameraWrite[] = [];
    const updated: CameraWrite[] = [];
    for (const row of rows) {
      const before = known.get(row.code);
      const write = rowToWrite(before?.id ?? `cam-${row.code}`, row);
      if (!before) added.push(write);
      else if (!sameCamera(write, before)) updated.push(write);
    }
    return { added, updated };
  };
  const preview = plan(registryCamerasByCode(ctx.db));
  const counts = {
    total,
    added: preview.added.length,
    updated: preview.updated.length,
    unchanged: rows.length - preview.added.length - preview.updated.length,
    removed: 0,
  };
  if (dryRun) return { dryRun, applied: false, problems, counts, tookMs: performance.now() - started };
  if (problems.length > 0) {
    const first = problems
      .slice(0, 10)
      .map((p) => `line ${p.at}${p.code ? ` ${p.code}` : ''}: ${p.message}`)
      .join('; ');
    throw new GridCommandError(
      'import_invalid',
      `the file has ${problems.length} problem(s), nothing was written: ${first}`,
      'text',
      undefined,
      { problems: problems.length },
    );
  }
  await ctx.writes.run(() => {
    // Planned again inside the transaction, against the registry as it is at the commit.
    const { added, updated } = plan(registryCamerasByCode(ctx.db));
    for (const c of added) insertRegistryCamera(ctx.db, c);
    for (const c of updated) updateRegistryCamera(ctx.db, c);
    recordAdminAct(ctx.db, {
      ...audited(caller),
      action: 'cameras.imported',
      detail: { format, rows: total, added: added.map((c) => c.code), updated: updated.map((c) => c.code) },
      at: ctx.now(),
    });
  });
  return { dryRun, applied: true, problems: [], counts, tookMs: performance.now() - started };
}

export function listAdminCameras(ctx: HubContext): AdminCamera[] {
  return listRegistryCameras(ctx.db).map(toAdminCamera);
}

function mustGet(ctx: HubContext, id: string): RegistryCamera {
  const camera = getRegistryCamera(ctx.db, id);
  if (!camera) throw new GridCommandError('not_found', `no camera ${id}`, 'id', 404);
  return camera;
}

/** The checks an import makes of one row, for a camera typed into the form. */
function checkInput(ctx: HubContext, input: CameraInput | CameraEdit, selfId: string | null): void {
  const refusal = (field: string, message: string) => new GridCommandError('validation_failed', message, field);
  const { unitExists, county } = checkContext(ctx);
  if (!unitExists(input.unitCode)) throw refusal('unitCode', `unit ${input.unitCode} is not in the org tree`);
  const row = {
    code: input.code,
    name: input.name,
    unit_code: input.unitCode,
    lon: input.position[0],
    lat: input.position[1],
    main_url: input.mainUrl || 'rtsp://kept',
    sub_url: input.subUrl || 'rtsp://kept',
    sensitive: input.sensitive,
    ptz: input.ptz,
    onvif_url: input.onvifUrl ?? '',
    onvif_username: input.onvifUsername ?? '',
    onvif_password: input.onvifPassword ?? '',
  };
  const problem = parseCameraFile('json', JSON.stringify([row]), { unitExists, county }).problems[0];
  if (problem)
    throw refusal(
      problem.kind === 'outside_county' || problem.kind === 'bad_coordinates'
        ? 'position'
        : problem.kind === 'bad_onvif'
          ? 'onvifUrl'
          : 'code',
      problem.message,
    );
  if (cameraCodeTaken(ctx.db, input.code, selfId)) {
    throw new GridCommandError('conflict', `camera code ${input.code} is already registered`, 'code', 409);
  }
}

/** The admin audit's actor and address for a write (null: the hub itself, e.g. a test's direct call). */
function audited(caller: AdminCaller | null) {
  return { actor: caller?.actor ?? null, ip: caller?.ip ?? null };
}

/** What the audit keeps of a camera: never its stream URLs (they carry credentials), only whether they changed. */
function auditFacts(c: { code: string; name: string; unitCode: string; sensitive: boolean; ptz: boolean }) {
  return { code: c.code, name: c.name, unitCode: c.unitCode, sensitive: c.sensitive, ptz: c.ptz };
}

export async function addCamera(
  ctx: HubContext,
  input: CameraInput,
  caller: AdminCaller | null = null,
): Promise<AdminCamera> {
  const id = `cam-${input.code}`;
  await ctx.writes.run(() => {
    checkInput(ctx, input, null);
    if (getRegistryCamera(ctx.db, id)) {
      throw new GridCommandError('conflict', `camera id ${id} is taken`, 'code', 409);
    }
    const [lon, lat] = input.position;
    const { onvifUrl: _u, onvifUsername: _n, onvifPassword: _p, ...camera } = input;
    insertRegistryCamera(ctx.db, { id, ...camera, lon, lat, onvif: onvifWriteOf(input) });
    recordAdminAct(ctx.db, {
      ...audited(caller),
      action: 'camera.added',
      target: id,
      detail: { ...auditFacts(input), position: input.position },
      at: ctx.now(),
    });
  });
  return toAdminCamera(mustGet(ctx, id));
}

export async function editCamera(
  ctx: HubContext,
  id: string,
  input: CameraEdit,
  caller: AdminCaller | null = null,
): Promise<AdminCamera> {
  await ctx.writes.run(() => {
    const before = mustGet(ctx, id);
    if (before.retiredAt !== null) throw new GridCommandError('conflict', `camera ${id} is retired`, 'id', 409);
    checkInput(ctx, input, id);
    const [lon, lat] = input.position;
    updateRegistryCamera(ctx.db, {
      id,
      code: input.code,
      name: input.name,
      unitCode: input.unitCode,
      lon,
      lat,
      mainUrl: input.mainUrl || before.mainUrl,
      subUrl: input.subUrl || before.subUrl,
      sensitive: input.sensitive,
      ptz: input.ptz,
      onvif: onvifWriteOf(input),
    });
    recordAdminAct(ctx.db, {
      ...audited(caller),
      action: 'camera.changed',
      target: id,
      detail: {
        before: auditFacts(before),
        after: auditFacts(input),
        urlsChanged: Boolean(input.mainUrl || input.subUrl),
        onvifChanged: onvifChanges(onvifWriteOf(input), before),
      },
      at: ctx.now(),
    });
  });
  return toAdminCamera(mustGet(ctx, id));
}

export async function retireRegistryCamera(
  ctx: HubContext,
  id: string,
  caller: AdminCaller | null = null,
): Promise<AdminCamera> {
  await ctx.writes.run(() => {
    const before = mustGet(ctx, id);
    if (before.retiredAt !== null) throw new GridCommandError('conflict', `camera ${id} is already retired`, 'id', 409);
    retireCamera(ctx.db, id, ctx.now());
    recordAdminAct(ctx.db, {
      ...audited(caller),
      action: 'camera.retired',
      target: id,
      detail: auditFacts(before),
      at: ctx.now(),
    });
  });
  return toAdminCamera(mustGet(ctx, id));
}

export async function probeCamera(ctx: HubContext, id: string): Promise<AdminCamera> {
  const camera = mustGet(ctx, id);
  const outcome = await ctx.video.gateway.probe(camera.mainUrl);
  await ctx.writes.run(() => recordProbe(ctx.db, id, { probedAt: ctx.now(), ...outcome }));
  return toAdminCamera(mustGet(ctx, id));
}
