/**
 * The renderer's import rule (written down in renderer/src/base/README.md): features import from base/, i18n/,
 * bridge/, session/ and common/, and never from a sibling folder that imports them back. This scans every import
 * line under renderer/src and fails on any cycle between its top-level folders, and on base/ (or the app-level
 * folders) reaching into a feature.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = resolve(new URL('../../renderer/src', import.meta.url).pathname);
/** Folders every feature may use; they never import a feature. */
const APP_LEVEL = new Set(['base', 'i18n', 'bridge', 'session']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) ? [path] : [];
  });
}

const IMPORT =
  /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

/** The top-level folder of renderer/src a path is in, or null (a root file such as App.tsx, or outside). */
function folderOf(path: string): string | null {
  const rel = relative(SRC, path);
  if (rel.startsWith('..')) return null;
  const parts = rel.split(sep);
  return parts.length > 1 ? parts[0]! : null;
}

/** folder → folders it imports (with one example line each). */
function folderGraph(): Map<string, Map<string, string>> {
  const graph = new Map<string, Map<string, string>>();
  for (const file of sourceFiles(SRC)) {
    const from = folderOf(file);
    if (!from) continue;
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(IMPORT)) {
      const to = folderOf(resolve(dirname(file), match[1] ?? match[2]!));
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${relative(SRC, file)} → ${match[1] ?? match[2]}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** Every elementary cycle's first witness, as "a → b → a". */
function cycles(graph: Map<string, Map<string, string>>): string[] {
  const found: string[] = [];
  const nodes = [...graph.keys()].sort();
  for (const start of nodes) {
    const walk = (node: string, path: string[]) => {
      for (const next of graph.get(node)?.keys() ?? []) {
        if (next === start) found.push([...path, start].join(' → '));
        // Only cycles whose smallest folder is `start`, so each is reported once.
        else if (next > start && !path.includes(next)) walk(next, [...path, next]);
      }
    };
    walk(start, [start]);
  }
  return found;
}

describe('renderer feature imports', () => {
  const graph = folderGraph();

  it('sees the folders (the scan works)', () => {
    expect(graph.get('shell')?.has('dispatch')).toBe(true);
    expect(graph.get('dispatch')?.has('base')).toBe(true);
  });

  it('has no cycle between top-level folders', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const g = new Map([
      ['a', new Map([['b', '']])],
      ['b', new Map([['c', '']])],
      ['c', new Map([['a', '']])],
    ]);
    expect(cycles(g)).toEqual(['a → b → c → a']);
  });

  it('keeps base/, i18n/, bridge/ and session/ free of feature imports', () => {
    const wrong: string[] = [];
    for (const folder of APP_LEVEL) {
      for (const [to, example] of graph.get(folder) ?? []) if (!APP_LEVEL.has(to)) wrong.push(example);
    }
    expect(wrong).toEqual([]);
  });
});
