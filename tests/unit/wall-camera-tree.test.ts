/** The scoped camera tree: township → village → grid → camera, counts, narrowing and search. */
import { describe, expect, it } from 'vitest';
import type { Camera, OrgUnit } from '../../common/schemas.js';
import { buildCameraTree, camerasUnder, findNode, unitKeys } from '../../renderer/src/wall/camera-tree-model.js';

const unit = (code: string, name: string): OrgUnit => ({
  code,
  name,
  level: code.length === 6 ? 'county' : code.length === 9 ? 'township' : code.length === 12 ? 'village' : 'grid',
  kind: code.length === 6 ? 'county' : code.length === 9 ? 'township' : code.length === 12 ? 'village' : 'grid',
  parentCode: code.length === 6 ? null : code.slice(0, -3),
  population: 0,
  households: 0,
  center: [112.2, 25.9],
});
const camera = (id: string, grid: string, name: string, online = true): Camera => ({
  id,
  code: `${grid.slice(0, 8)}${id.replace(/\D/g, '').padStart(12, '0')}`,
  name,
  kind: 'fixed',
  orgUnitCode: grid,
  position: [112.2, 25.9],
  sensitive: false,
  online,
});

const units = [
  unit('431099', 'X县'),
  unit('431099001', '城关镇'),
  unit('431099001001', '东门社区'),
  unit('431099001001001', '网格一'),
  unit('431099001001002', '网格二'),
  unit('431099002', '二镇'),
  unit('431099002201', '某村'),
  unit('431099002201001', '网格三'),
];
const cameras = [
  camera('cam-1', '431099001001001', '东门农贸市场'),
  camera('cam-2', '431099001001002', '建设路口', false),
  camera('cam-3', '431099002201001', '村口'),
];

describe('camera tree', () => {
  it('groups the county’s cameras by township, village and grid, with counts', () => {
    const tree = buildCameraTree(cameras, units, '431099');
    expect(tree.map((n) => n.name)).toEqual(['城关镇', '二镇']);
    const town = tree[0]!;
    expect(town).toMatchObject({ total: 2, online: 1 });
    const village = town.children![0]!;
    expect(village.name).toBe('东门社区');
    expect(village.children!.map((n) => n.name)).toEqual(['网格一', '网格二']);
    expect(village.children![0]!.children![0]).toMatchObject({ kind: 'camera', key: 'c:cam-1' });
    expect(camerasUnder(town)).toEqual(['cam-1', 'cam-2']);
  });

  it('starts below the viewer’s (or the selected) unit', () => {
    const tree = buildCameraTree(cameras, units, '431099001');
    expect(tree.map((n) => n.name)).toEqual(['东门社区']);
    expect(
      camerasUnder({ key: 'root', kind: 'unit', name: '', code: '', total: 0, online: 0, children: tree }),
    ).toEqual(['cam-1', 'cam-2']);
  });

  it('searches names, codes and ids', () => {
    const tree = buildCameraTree(cameras, units, '431099', '路口');
    expect(camerasUnder(tree[0]!)).toEqual(['cam-2']);
    expect(tree).toHaveLength(1);
    expect(buildCameraTree(cameras, units, '431099', 'cam-3')[0]!.name).toBe('二镇');
    expect(findNode(tree, 'c:cam-2')?.name).toBe('建设路口');
    expect(unitKeys(tree, 2)).toEqual(['u:431099001', 'u:431099001001']);
  });
});
