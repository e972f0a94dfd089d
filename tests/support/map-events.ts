/** Builds a map-events body from plain objects, for tests of the decoder and the renderer's use of it. */
import { CASE_GRADES, CASE_SOURCES, CASE_STATUSES } from '../../common/cases.js';
import { startMapEventsBody, type MapEventsDictionary } from '../../common/map-events-format.js';

export interface PlainEvent {
  lon: number;
  lat: number;
  time: number;
  caseId: number;
  grid: number;
  grade: number;
  major: number;
  status: number;
  source: number;
}

export const TEST_LISTS: Omit<MapEventsDictionary, 'grids'> = {
  grades: [...CASE_GRADES],
  majors: ['01', '02', '03', '04', '05', '06', '07', '08', '09', '??'],
  statuses: [...CASE_STATUSES],
  sources: [...CASE_SOURCES],
};

/** Events must come grouped by grid in grid order (as the hub sends them); `grids` names them. */
export function encodeEvents(
  events: readonly PlainEvent[],
  grids: readonly string[],
  period = { from: Date.parse('2019-01-01T00:00:00+08:00'), to: Date.parse('2020-01-01T00:00:00+08:00') },
  pad = 0,
): Uint8Array {
  const { bytes, layout } = startMapEventsBody(
    { count: events.length, ...period, flags: 0, dictionary: { grids, ...TEST_LISTS } },
    (n) => new Uint8Array(new ArrayBuffer(n + pad), pad, n),
  );
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  events.forEach((e, i) => {
    view.setFloat32(layout.position + 8 * i, e.lon, true);
    view.setFloat32(layout.position + 8 * i + 4, e.lat, true);
    view.setUint32(layout.time + 4 * i, e.time, true);
    view.setUint32(layout.caseId + 4 * i, e.caseId, true);
    view.setUint16(layout.grid + 2 * i, e.grid, true);
    [e.grade, e.major, e.status, e.source].forEach((v, k) => view.setUint8(layout.categories + 4 * i + k, v));
  });
  return bytes;
}
