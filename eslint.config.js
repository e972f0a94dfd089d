// ESLint: typescript-eslint + react-hooks, plus the layering rules that keep the architecture honest.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'fs',
  'path',
  'os',
  'http',
  'https',
  'net',
  'crypto',
  'child_process',
  'url',
  'stream',
  'util',
  'events',
  'worker_threads',
];
const nodeBuiltinPaths = NODE_BUILTINS.map((name) => ({
  name,
  message: 'common/ and renderer/ are pure: no Node built-ins.',
}));

// Raw IPC lives in the two binding files only; everything else goes through the typed contract.
const noRawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Raw IPC only in main/electron/ipc-binding.ts and preload/index.ts; use the contract.',
};

export default tseslint.config(
  { ignores: ['node_modules/**', 'out/**', 'test-results/**', 'playwright-report/**', '.grid-data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module', globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      'no-restricted-imports': ['error', { paths: [noRawIpc] }],
    },
  },
  {
    files: ['tests/**/*.ts', 'bench/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['common/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'common/ is pure TypeScript.' }, ...nodeBuiltinPaths],
          patterns: [
            { group: ['node:*'], message: 'common/ is pure: no Node built-ins.' },
            {
              group: ['**/hub/**', '**/main/**', '**/renderer/**', '**/preload/**'],
              message: 'common/ imports nothing from the other layers.',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'window', 'document', 'localStorage', 'process', 'Buffer', 'require'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'The renderer reaches main only through window.gridCommand.' },
            ...nodeBuiltinPaths,
          ],
          patterns: [
            { group: ['node:*'], message: 'The renderer runs sandboxed: no Node built-ins.' },
            {
              group: ['**/main/**', '**/hub/**', '**/preload/**'],
              message: 'renderer/ never imports main/, hub/ or preload/.',
            },
          ],
        },
      ],
      // Reports, names and notes come from the public and the field: they are shown as text (React escapes it),
      // never parsed as HTML.
      'no-restricted-syntax': [
        'error',
        {
          selector: "JSXAttribute[name.name='dangerouslySetInnerHTML']",
          message: 'User text renders as text: no dangerouslySetInnerHTML.',
        },
        {
          selector: 'AssignmentExpression > MemberExpression[property.name=/^(innerHTML|outerHTML)$/]',
          message: 'User text renders as text: no innerHTML/outerHTML.',
        },
        {
          selector: 'CallExpression[callee.property.name=/^(insertAdjacentHTML|write|writeln)$/]',
          message: 'User text renders as text: no HTML-writing calls.',
        },
      ],
    },
  },
  {
    files: ['hub/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The hub is a plain Node service.' }],
          patterns: [
            { group: ['**/main/**', '**/renderer/**', '**/preload/**'], message: 'hub/ depends on common/ only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Only main/electron/* may import Electron; the rest runs in plain Node.' },
          ],
          patterns: [{ group: ['**/renderer/**'], message: 'main/ never imports the renderer.' }],
        },
      ],
    },
  },
  {
    files: ['main/electron/ipc-binding.ts', 'preload/index.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
