/**
 * Flat units → the nested tree antd renders. Pure functions, so they can be unit-tested without a DOM.
 * Roots are the units whose parent is not in the list (the scope unit itself: a township director's list starts at
 * the township). Siblings are sorted by code; same-length codes sort lexically as they do numerically.
 */
import type { OrgUnit } from '../../../common/schemas.js';

export interface OrgTreeNode {
  key: string;
  unit: OrgUnit;
  isLeaf: boolean;
  children?: OrgTreeNode[];
}

export function buildOrgTree(units: readonly OrgUnit[]): OrgTreeNode[] {
  const sorted = [...units].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  const known = new Set(sorted.map((unit) => unit.code));
  const childrenOf = new Map<string, OrgUnit[]>();
  const roots: OrgUnit[] = [];
  for (const unit of sorted) {
    if (unit.parentCode !== null && known.has(unit.parentCode)) {
      const siblings = childrenOf.get(unit.parentCode) ?? [];
      siblings.push(unit);
      childrenOf.set(unit.parentCode, siblings);
    } else {
      roots.push(unit);
    }
  }
  const toNode = (unit: OrgUnit): OrgTreeNode => {
    const children = childrenOf.get(unit.code);
    return children
      ? { key: unit.code, unit, isLeaf: false, children: children.map(toNode) }
      : { key: unit.code, unit, isLeaf: true };
  };
  return roots.map(toNode);
}

export interface FilteredTree {
  nodes: OrgTreeNode[];
  /** Every kept node that leads to a match, so all matches are visible at once. */
  expandedKeys: string[];
}

/**
 * Keeps the units whose name contains `query` (case-insensitive), with their ancestors for context. A matching
 * unit keeps its whole subtree (collapsed) so one can drill into, say, a matching township.
 */
export function filterOrgTree(nodes: readonly OrgTreeNode[], query: string): FilteredTree {
  const needle = query.trim().toLowerCase();
  if (!needle) return { nodes: [...nodes], expandedKeys: [] };
  const expandedKeys: string[] = [];
  const visit = (node: OrgTreeNode): OrgTreeNode | null => {
    if (node.unit.name.toLowerCase().includes(needle)) return node;
    const kept = (node.children ?? []).map(visit).filter((child): child is OrgTreeNode => child !== null);
    if (kept.length === 0) return null;
    expandedKeys.push(node.key);
    return { ...node, children: kept };
  };
  return { nodes: nodes.map(visit).filter((node): node is OrgTreeNode => node !== null), expandedKeys };
}

/** The keys of the first `depth` levels (the default view: county and townships open, villages closed). */
export function keysToDepth(nodes: readonly OrgTreeNode[], depth: number): string[] {
  if (depth <= 0) return [];
  return nodes.flatMap((node) => (node.children ? [node.key, ...keysToDepth(node.children, depth - 1)] : []));
}
