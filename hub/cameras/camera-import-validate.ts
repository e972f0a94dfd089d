/**
 * Reading a camera file (CSV with the header CAMERA_CSV_COLUMNS, or a JSON array of objects with the same keys)
 * into checked rows, every problem listed by line (CSV: the header is line 1; JSON: the 1-based item). Checks: the
 * columns, the 20-digit GB/T 28181 code (once per file), a name, a unit that exists in the org tree, WGS84
 * coordinates inside the county, rtsp:// URLs (a missing sub-stream URL falls back to the main one), yes/no flags,
 * and the optional ONVIF columns (http(s) address, account; an empty cell keeps what is stored; a PTZ camera only).
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import {
  CAMERA_CSV_COLUMNS,
  CAMERA_ONVIF_COLUMNS,
  OnvifPassword,
  OnvifUrl,
  OnvifUsername,
  type ImportProblem,
} from '../../common/county-import.js';
import { parseCsv } from '../../common/csv.js';
import { redactSecrets } from '../logging.js';
import type { CameraWrite, OnvifWrite } from './camera-registry-store.js';

/** A checked row: a camera to write (its id is chosen by the registry) and where it stood in the file. */
export type CameraRow = Omit<CameraWrite, 'id'> & { readonly at: number };

export interface CameraCheckContext {
  readonly unitExists: (code: string) => boolean;
  /** The county's outline; null before an org tree is loaded (then every unit check fails anyway). */
  readonly county: Polygon | MultiPolygon | null;
}

type Column = (typeof CAMERA_CSV_COLUMNS)[number] | (typeof CAMERA_ONVIF_COLUMNS)[number];
const KNOWN: readonly string[] = [...CAMERA_CSV_COLUMNS, ...CAMERA_ONVIF_COLUMNS];
type RawRow = { at: number; values: Partial<Record<Column, unknown>> };
type RawRows = { rows: RawRow[]; total: number };

const TRUE_WORDS = new Set(['1', 'true', 'yes', 'y', '是']);
const FALSE_WORDS = new Set(['0', 'false', 'no', 'n', '否', '']);
const URL_PATTERN = /^(rtsps?:\/\/\S+|standin-file:\/\S+)$/i;

function flag(value: unknown): boolean | null {
  if (typeof value === 'boolean') return value;
  const word = String(value ?? '')
    .trim()
    .toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return null;
}

function coordinate(value: unknown): number {
  if (typeof value === 'number') return value;
  const text = String(value ?? '').trim();
  return text === '' ? Number.NaN : Number(text);
}

function rowsOfCsv(text: string, problems: ImportProblem[]): RawRows {
  const [header, ...rows] = parseCsv(text);
  if (!header) {
    problems.push({ at: 1, kind: 'bad_header', message: 'the file has no header line' });
    return { rows: [], total: 0 };
  }
  const names = header.cells.map((c) => c.trim().toLowerCase());
  const missing = CAMERA_CSV_COLUMNS.filter((c) => !names.includes(c));
  const unknown = names.filter((n) => !KNOWN.includes(n));
  if (missing.length > 0 || unknown.length > 0 || names.length !== new Set(names).size) {
    const parts = [
      missing.length ? `missing ${missing.join(', ')}` : '',
      unknown.length ? `unknown ${unknown.join(', ')}` : '',
      names.length !== new Set(names).size ? 'a column appears twice' : '',
    ].filter(Boolean);
    problems.push({
      at: header.line,
      kind: 'bad_header',
      message: `header must be ${CAMERA_CSV_COLUMNS.join(',')}: ${parts.join('; ')}`,
    });
    return { rows: [], total: rows.length };
  }
  const out: RawRow[] = [];
  for (const row of rows) {
    if (row.cells.length !== names.length) {
      problems.push({
        at: row.line,
        kind: 'wrong_column_count',
        message: `${row.cells.length} columns where the header has ${names.length}`,
      });
      continue;
    }
    out.push({ at: row.line, values: Object.fromEntries(names.map((n, i) => [n, row.cells[i]])) });
  }
  return { rows: out, total: rows.length };
}

function rowsOfJson(text: string, problems: ImportProblem[]): RawRows {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    problems.push({ at: 0, kind: 'not_json', message: `not JSON: ${(err as Error).message}` });
    return { rows: [], total: 0 };
  }
  const items = Array.isArray(doc) ? doc : (doc as { cameras?: unknown })?.cameras;
  if (!Array.isArray(items)) {
    problems.push({
      at: 0,
      kind: 'not_camera_list',
      message: 'expected an array of cameras (or { "cameras": [...] })',
    });
    return { rows: [], total: 0 };
  }
  const out: RawRow[] = [];
  items.forEach((item: unknown, i) => {
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ at: i + 1, kind: 'not_object', message: 'a camera must be an object' });
      return;
    }
    const unknown = Object.keys(item).filter((k) => !KNOWN.includes(k));
    if (unknown.length > 0) {
      problems.push({ at: i + 1, kind: 'bad_header', message: `unknown key(s) ${unknown.join(', ')}` });
      return;
    }
    out.push({ at: i + 1, values: item as RawRow['values'] });
  });
  return { rows: out, total: items.length };
}

export function parseCameraFile(
  format: 'csv' | 'json',
  text: string,
  ctx: CameraCheckContext,
): { rows: CameraRow[]; problems: ImportProblem[]; total: number } {
  const problems: ImportProblem[] = [];
  const { rows: raw, total } = format === 'csv' ? rowsOfCsv(text, problems) : rowsOfJson(text, problems);
  const seen = new Map<string, number>();
  const rows: CameraRow[] = [];
  for (const { at, values } of raw) {
    const text = (key: Column) => String(values[key] ?? '').trim();
    const code = text('code');
    const before = problems.length;
    const add = (kind: string, message: string) => problems.push({ at, ...(code ? { code } : {}), kind, message });
    if (!/^\d{20}$/.test(code)) add('bad_code', `code "${code}" is not a 20-digit GB/T 28181 code`);
    else if (seen.has(code))
      add('duplicate_code', `code ${code} also at ${format === 'csv' ? 'line' : 'item'} ${seen.get(code)}`);
    else seen.set(code, at);
    const name = text('name');
    if (!name || name.length > 100) add('bad_name', 'name is required (≤ 100 characters)');
    const unitCode = text('unit_code');
    if (!ctx.unitExists(unitCode)) add('unit_missing', `unit ${unitCode || '(empty)'} is not in the org tree`);
    const [lon, lat] = [coordinate(values.lon), coordinate(values.lat)];
    if (!Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon) > 180 || Math.abs(lat) > 90) {
      add('bad_coordinates', `lon/lat "${text('lon')}", "${text('lat')}" are not WGS84 degrees`);
    } else if (ctx.county && !booleanPointInPolygon([lon, lat], ctx.county)) {
      add('outside_county', `position ${lon}, ${lat} lies outside the county`);
    }
    const mainUrl = text('main_url');
    const subUrl = text('sub_url') || mainUrl;
    // The problem text never repeats a URL with its credentials: a report is shown and may be saved.
    if (!URL_PATTERN.test(mainUrl)) add('bad_url', `main_url "${redactSecrets(mainUrl)}" is not an rtsp:// URL`);
    else if (!URL_PATTERN.test(subUrl)) add('bad_url', `sub_url "${redactSecrets(subUrl)}" is not an rtsp:// URL`);
    const sensitive = flag(values.sensitive);
    const ptz = flag(values.ptz);
    if (sensitive === null) add('bad_flag', `sensitive "${text('sensitive')}" is not yes/no (1/0, true/false)`);
    if (ptz === null) add('bad_flag', `ptz "${text('ptz')}" is not yes/no (1/0, true/false)`);
    const onvif = onvifOf(values, ptz === true, add);
    if (problems.length > before) continue;
    rows.push({ at, code, name, unitCode, lon, lat, mainUrl, subUrl, sensitive: sensitive!, ptz: ptz!, onvif });
  }
  return { rows, problems: problems.sort((a, b) => a.at - b.at), total };
}

/** The row's ONVIF cells, checked with the shared schemas; empty cells keep what is stored. Never echoes a password. */
function onvifOf(
  values: RawRow['values'],
  ptz: boolean,
  add: (kind: string, message: string) => void,
): OnvifWrite | undefined {
  const cell = (key: Column) => String(values[key] ?? '').trim();
  const [url, username, password] = [cell('onvif_url'), cell('onvif_username'), String(values.onvif_password ?? '')];
  if (!url && !username && !password) return undefined;
  if (!ptz) add('bad_onvif', 'ONVIF columns are for PTZ cameras (ptz = 1)');
  if (url && !OnvifUrl.safeParse(url).success) {
    add('bad_onvif', `onvif_url "${redactSecrets(url)}" is not an http:// or https:// URL without credentials`);
  }
  if (!OnvifUsername.safeParse(username).success) add('bad_onvif', 'onvif_username is longer than 64 characters');
  if (!OnvifPassword.safeParse(password).success) add('bad_onvif', 'onvif_password is longer than 128 characters');
  return {
    ...(url ? { url } : {}),
    ...(username ? { username } : {}),
    ...(password ? { password } : {}),
  };
}
