/**
 * What the packaged app loads resolves, checked without the Electron download (electron-builder would fetch Electron
 * and rebuild better-sqlite3 for it; neither is possible here). Builds out/ with electron-vite, then follows the
 * packaged entry: package.json "main", the hub's utility-process module and every chunk they import, the preload
 * and the renderer with every asset index.html names, the runtime packages they import (shipped only if they are
 * "dependencies"), better-sqlite3's native binding (unpacked from the asar) and resources — against the file sets of
 * electron-builder.yml, whose fuses are checked too.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, matchesGlob, relative } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const repo = new URL('../..', import.meta.url).pathname;
const require = createRequire(join(repo, 'package.json'));
// electron-builder's own YAML parser (a dependency of it), so the file is read as electron-builder reads it.
const yaml = require('js-yaml') as { load(text: string): unknown };

interface BuilderConfig {
  asar: boolean;
  files: string[];
  asarUnpack: string[];
  extraResources: Array<{ from: string; to: string }>;
  electronFuses: Record<string, boolean>;
}
const config = yaml.load(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as BuilderConfig;
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

/** Whether electron-builder's `files` take a repository path into the app (last matching pattern wins). */
function packaged(path: string): boolean {
  let included = false;
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) {
      if (matchesGlob(path, pattern.slice(1))) included = false;
    } else if (matchesGlob(path, pattern)) included = true;
  }
  return included;
}

const imports = (code: string): string[] =>
  [...code.matchAll(/(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/gm)]
    .map((m) => m[1] ?? m[2]!)
    .filter(Boolean);

beforeAll(() => {
  const build = spawnSync(
    process.execPath,
    [join(dirname(require.resolve('electron-vite/package.json')), 'bin', 'electron-vite.js'), 'build'],
    {
      cwd: repo,
      encoding: 'utf8',
    },
  );
  if (build.status !== 0) throw new Error(`electron-vite build failed: ${build.stderr}`);
}, 240_000);

describe('the packaged app (out/ as electron-builder.yml ships it)', () => {
  it('has a main entry, a hub module and chunks whose every import resolves to a shipped file or dependency', () => {
    expect(pkg.main).toBe('out/main/index.js');
    expect(pkg.scripts.dist).toMatch(/electron-builder/);
    expect(pkg.devDependencies['electron-builder']).toBe('26.18.1');
    const seen = new Set<string>();
    const walk = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      expect(existsSync(join(repo, file)), file).toBe(true);
      expect(packaged(file), `${file} is in the package`).toBe(true);
      for (const spec of imports(readFileSync(join(repo, file), 'utf8'))) {
        if (spec.startsWith('.')) walk(relative(repo, join(repo, dirname(file), spec)));
        else if (spec === 'electron' || spec.startsWith('node:') || builtinModules.includes(spec)) continue;
        else {
          const name = spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
          // Only "dependencies" are installed into the package; a devDependency imported at run time would be missing.
          expect(pkg.dependencies[name], `${file} imports ${spec}`).toBeDefined();
          expect(existsSync(join(repo, 'node_modules', name, 'package.json')), spec).toBe(true);
        }
      }
    };
    walk(pkg.main);
    walk('out/main/hub-process.js');
    // The entry forks the hub module by this name, next to itself.
    expect(readFileSync(join(repo, pkg.main), 'utf8')).toContain('"./hub-process.js"');
    expect(seen.size).toBeGreaterThan(2);
  });

  it('ships the preload and the renderer with every asset its index.html names', () => {
    const windowsCode = readFileSync(join(repo, 'out/main/index.js'), 'utf8');
    expect(windowsCode).toContain('../preload/index.cjs');
    expect(windowsCode).toContain('"../renderer/"');
    for (const file of ['out/preload/index.cjs', 'out/renderer/index.html']) {
      expect(existsSync(join(repo, file)), file).toBe(true);
      expect(packaged(file), file).toBe(true);
    }
    const html = readFileSync(join(repo, 'out/renderer/index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/([^"]+)"/g)].map((m) => `out/renderer/${m[1]}`);
    expect(assets.some((a) => a.endsWith('.js'))).toBe(true);
    for (const asset of assets) expect(existsSync(join(repo, asset)) && packaged(asset), asset).toBe(true);
    // No source maps in the package.
    const maps = readdirSync(join(repo, 'out'), { recursive: true }).filter((f) => String(f).endsWith('.map'));
    for (const map of maps) expect(packaged(`out/${String(map)}`)).toBe(false);
  });

  it('unpacks the native binding of better-sqlite3 from the asar and carries the Electron build where main looks', () => {
    expect(config.asar).toBe(true);
    // Where the installed package keeps it (node_modules may be a link: the path inside the app is what counts).
    const binding = 'node_modules/better-sqlite3/build/Release/better_sqlite3.node';
    expect(existsSync(join(repo, binding))).toBe(true);
    expect(
      config.asarUnpack.some((glob) => matchesGlob(binding, glob)),
      binding,
    ).toBe(true);
    expect(config.extraResources).toContainEqual({
      from: 'native/electron/better_sqlite3.node',
      to: 'native/better_sqlite3.node',
    });
    expect(readFileSync(join(repo, 'out/main/index.js'), 'utf8')).toMatch(
      /join\(process\.resourcesPath, "native", "better_sqlite3\.node"\)/,
    );
  });

  it('carries resources/ beside the app, and flips the security fuses (file:// gets no extra privileges)', () => {
    expect(config.extraResources).toContainEqual(expect.objectContaining({ from: 'resources', to: 'resources' }));
    for (const file of ['deadlines.json', 'taxonomy.json', 'intake-limits.json'])
      expect(existsSync(join(repo, 'resources', file)), file).toBe(true);
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
