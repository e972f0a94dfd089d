/**
 * The layering rule: each layer lists what it MAY import (an allow-list, as VS Code's layering check does), so a
 * new kind of dependency is refused until someone decides it belongs. A relative import is resolved to its
 * top-level folder; a bare import is a Node built-in (from `node:module`'s list, with or without `node:`),
 * Electron (any `electron/*` subpath too) or an npm package. tests/, bench/, scripts/ and config files are free.
 */
import { builtinModules } from 'node:module';
import path from 'node:path';

const BUILTINS = new Set(builtinModules);
const isBuiltin = (spec) => spec.startsWith('node:') || BUILTINS.has(spec) || BUILTINS.has(spec.split('/')[0]);
const isElectron = (spec) => spec === 'electron' || spec.startsWith('electron/');

/** Raw IPC is reachable only from these two files; everything else goes through the typed contract. */
const RAW_IPC_FILES = new Set(['main/electron/ipc-binding.ts', 'preload/index.ts']);
const RAW_IPC_NAMES = new Set(['ipcMain', 'ipcRenderer']);

/** The hub's entry points, which main/ may import to run the embedded hub. */
const HUB_ENTRY = new Set(['hub/server', 'hub/config']);

/**
 * Per layer: `folders` it may import from (relative imports), `files` it may import although their folder is not
 * listed, and which bare imports it may use: `builtins`, `electron`, `packages` (true = any npm package, or a list).
 * `json`: data folders whose .json files it may import.
 */
const LAYERS = {
  common: { folders: ['common'], builtins: false, electron: false, packages: ['zod'] },
  'node-shared': {
    folders: ['node-shared', 'common'],
    json: ['resources'],
    builtins: true,
    electron: false,
    packages: true,
  },
  hub: {
    folders: ['hub', 'common', 'node-shared'],
    json: ['resources'],
    builtins: true,
    electron: false,
    packages: true,
  },
  main: {
    folders: ['main', 'common', 'node-shared'],
    files: HUB_ENTRY,
    builtins: true,
    electron: false,
    packages: true,
  },
  'main/electron': {
    folders: ['main', 'common', 'node-shared'],
    files: HUB_ENTRY,
    builtins: true,
    electron: true,
    packages: true,
  },
  preload: { folders: [], files: new Set(['common/contract-names']), builtins: false, electron: true, packages: [] },
  // Any browser package, but not the Node-only ones (they would fail in the sandbox, or bloat the bundle).
  renderer: {
    folders: ['renderer', 'common'],
    json: ['resources'],
    builtins: false,
    electron: false,
    packages: true,
    denyPackages: ['better-sqlite3', 'fastify', '@fastify/static', 'socket.io', '@ffmpeg-installer/ffmpeg', 'tsx'],
  },
};

function layerOf(relativeFile) {
  if (relativeFile.startsWith('main/electron/')) return 'main/electron';
  const top = relativeFile.split('/')[0];
  return Object.hasOwn(LAYERS, top) && relativeFile.includes('/') ? top : null;
}

const withoutExtension = (file) => file.replace(/\.(m|c)?(j|t)sx?$/, '');
const packageName = (spec) => (spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]);

function refusal(layerName, layer, spec, target) {
  if (target !== undefined) {
    const top = target.split('/')[0];
    if (layer.folders.includes(top)) return null;
    if (layer.files?.has(withoutExtension(target))) return null;
    if (target.endsWith('.json') && layer.json?.includes(top)) return null;
    return `${layerName}/ may not import ${target} (allowed: ${[...layer.folders, ...(layer.files ?? [])].join(', ') || 'nothing relative'})`;
  }
  if (isElectron(spec)) return layer.electron ? null : `${layerName}/ may not import Electron (${spec})`;
  if (isBuiltin(spec)) return layer.builtins ? null : `${layerName}/ may not import the Node built-in ${spec}`;
  if (layer.denyPackages?.includes(packageName(spec)))
    return `${layerName}/ may not import the Node-only package ${spec}`;
  if (layer.packages === true) return null;
  if (layer.packages.includes(packageName(spec))) return null;
  return `${layerName}/ may not import the package ${spec} (allowed: ${layer.packages.join(', ') || 'none'})`;
}

/** @type {import('eslint').Rule.RuleModule} */
const allowedImports = {
  meta: {
    type: 'problem',
    docs: { description: 'Each layer imports only what its allow-list names' },
    schema: [],
  },
  create(context) {
    const root = context.cwd;
    const file = path.relative(root, context.filename).split(path.sep).join('/');
    const layerName = layerOf(file);
    if (!layerName) return {};
    const layer = LAYERS[layerName];

    const check = (node, source, specifiers = []) => {
      if (!source || typeof source.value !== 'string') return;
      const spec = source.value;
      const target = spec.startsWith('.')
        ? path
            .relative(root, path.resolve(path.dirname(context.filename), spec))
            .split(path.sep)
            .join('/')
        : undefined;
      const message = refusal(layerName, layer, spec, target);
      if (message) context.report({ node: source, message });
      if (!message && target === undefined && isElectron(spec) && !RAW_IPC_FILES.has(file)) {
        for (const s of specifiers) {
          const named = s.type === 'ImportSpecifier' ? s.imported : s.type === 'ExportSpecifier' ? s.local : null;
          const imported = named && (named.name ?? named.value);
          if (imported && RAW_IPC_NAMES.has(imported)) {
            context.report({
              node: s,
              message: 'Raw IPC only in main/electron/ipc-binding.ts and preload/index.ts; use the contract.',
            });
          } else if (!named) {
            context.report({
              node: s,
              message: `Import Electron's members by name (raw IPC stays in the binding files).`,
            });
          }
        }
      }
    };
    return {
      ImportDeclaration: (node) => check(node, node.source, node.specifiers),
      ExportNamedDeclaration: (node) => check(node, node.source, node.specifiers),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source.type === 'Literal' ? node.source : null),
    };
  },
};

export default { rules: { 'allowed-imports': allowedImports } };
