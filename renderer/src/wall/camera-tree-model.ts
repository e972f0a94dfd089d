/**
 * The scoped camera tree: the viewer's cameras (`cameras.list`, already cut to its scope by the hub) grouped by
 * township → village → grid, with counts, narrowed to a unit of the org tree and to a search text. Pure; tested in
 * tests/unit/wall-camera-tree.test.ts.
 */
import { lineageOf } from '../../../common/org.js';
import type { Camera, OrgUnit } from '../../../common/schemas.js';

export interface CameraTreeNode {
  /** `u:<org code>` for a unit, `c:<camera id>` for a camera. */
  readonly key: string;
  readonly kind: 'unit' | 'camera';
  readonly name: string;
  readonly code: string;
  readonly camera?: Camera;
  /** Cameras at or under this node, and how many of them are online. */
  readonly total: number;
  readonly online: number;
  readonly children?: CameraTreeNode[];
}

interface MutableUnit {
  key: string;
  kind: 'unit';
  name: string;
  code: string;
  total: number;
  online: number;
  units: Map<string, MutableUnit>;
  cameras: Camera[];
}

export function cameraMatches(camera: Camera, text: string): boolean {
  const needle = text.trim().toLowerCase();
  if (!needle) return true;
  return (
    camera.name.toLowerCase().includes(needle) || camera.code.includes(needle) || camera.id.toLowerCase() === needle
  );
}

/**
 * The tree under `rootCode` (the viewer's unit, or the unit picked in the org tree): its cameras grouped by the
 * units between it and each camera's grid. Units come from `org.units`; a unit the list lacks shows its code.
 */
export function buildCameraTree(
  cameras: readonly Camera[],
  units: readonly OrgUnit[],
  rootCode: string,
  search = '',
): CameraTreeNode[] {
  const names = new Map(units.map((u) => [u.code, u.name]));
  const root: MutableUnit = unitNode(rootCode, names);
  for (const camera of cameras) {
    if (!camera.orgUnitCode.startsWith(rootCode) || !cameraMatches(camera, search)) continue;
    let node = root;
    node.total++;
    if (camera.online) node.online++;
    for (const code of lineageOf(camera.orgUnitCode)) {
      if (code.length <= rootCode.length) continue;
      let child = node.units.get(code);
      if (!child) {
        child = unitNode(code, names);
        node.units.set(code, child);
      }
      node = child;
      node.total++;
      if (camera.online) node.online++;
    }
    node.cameras.push(camera);
  }
  return freeze(root).children ?? [];
}

function unitNode(code: string, names: ReadonlyMap<string, string>): MutableUnit {
  return {
    key: `u:${code}`,
    kind: 'unit',
    name: names.get(code) ?? code,
    code,
    total: 0,
    online: 0,
    units: new Map(),
    cameras: [],
  };
}

function freeze(node: MutableUnit): CameraTreeNode {
  const units = [...node.units.values()].sort((a, b) => a.code.localeCompare(b.code)).map(freeze);
  const cameras = [...node.cameras]
    .sort((a, b) => a.code.localeCompare(b.code))
    .map<CameraTreeNode>((camera) => ({
      key: `c:${camera.id}`,
      kind: 'camera',
      name: camera.name,
      code: camera.code,
      camera,
      total: 1,
      online: camera.online ? 1 : 0,
    }));
  return {
    key: node.key,
    kind: 'unit',
    name: node.name,
    code: node.code,
    total: node.total,
    online: node.online,
    children: [...units, ...cameras],
  };
}

/** Camera ids under a node, in tree order (for "put this folder on the wall" and tours). */
export function camerasUnder(node: CameraTreeNode): string[] {
  if (node.kind === 'camera') return node.camera ? [node.camera.id] : [];
  return (node.children ?? []).flatMap(camerasUnder);
}

/** Keys of unit nodes down to `depth` levels (what the tree opens with), or all when searching. */
export function unitKeys(nodes: readonly CameraTreeNode[], depth: number): string[] {
  if (depth <= 0) return [];
  return nodes.filter((n) => n.kind === 'unit').flatMap((n) => [n.key, ...unitKeys(n.children ?? [], depth - 1)]);
}

export function findNode(nodes: readonly CameraTreeNode[], key: string): CameraTreeNode | null {
  for (const node of nodes) {
    if (node.key === key) return node;
    const found = findNode(node.children ?? [], key);
    if (found) return found;
  }
  return null;
}
