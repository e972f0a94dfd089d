/**
 * The lint rule that keeps the layers apart (eslint-rules/layers.js, an allow-list per layer) really refuses what it
 * should, and lets through what each layer is allowed.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
const problems = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'layers/allowed-imports').length;

describe('layering lint rule', () => {
  it('keeps common/ free of Node, Electron and the other layers', async () => {
    expect(
      await problems('common/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;\n"),
    ).toBe(1);
    expect(await problems('common/x.ts', "import { app } from 'electron';\nexport const a = app;\n")).toBe(1);
    expect(
      await problems('common/x.ts', "import { createHub } from '../hub/server.js';\nexport const a = createHub;\n"),
    ).toBe(1);
    expect(await problems('common/x.ts', "import { z } from 'zod';\nexport const a = z;\n")).toBe(0);
  });

  it('keeps the renderer away from main/ and hub/', async () => {
    expect(
      await problems(
        'renderer/src/x.ts',
        "import { ConsoleService } from '../../main/console-service.js';\nexport const a = ConsoleService;\n",
      ),
    ).toBe(1);
    expect(
      await problems(
        'renderer/src/x.ts',
        "import { createHub } from '../../hub/server.js';\nexport const a = createHub;\n",
      ),
    ).toBe(1);
    expect(
      await problems('renderer/src/x.ts', "import { ROLES } from '../../common/roles.js';\nexport const a = ROLES;\n"),
    ).toBe(0);
  });

  it('allows raw ipcMain/ipcRenderer only in the IPC binding files', async () => {
    const code = "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n";
    expect(await problems('main/electron/windows.ts', code)).toBe(1);
    expect(await problems('main/electron/ipc-binding.ts', code)).toBe(0);
    expect(
      await problems('preload/index.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;\n"),
    ).toBe(0);
    expect(await problems('main/console-service.ts', "import { app } from 'electron';\nexport const a = app;\n")).toBe(
      1,
    );
  });

  it('refuses Node built-ins in common/ by any name, and lets node-shared/ use them', async () => {
    const use = (spec: string) => `import * as m from '${spec}';\nexport const a = m;\n`;
    for (const spec of ['fs/promises', 'zlib', 'node:zlib', 'node:fs/promises', 'worker_threads', 'node:test']) {
      expect(await problems('common/x.ts', use(spec)), spec).toBe(1);
    }
    expect(await problems('common/x.ts', use('react'))).toBe(1);
    expect(await problems('node-shared/x.ts', use('node:fs/promises'))).toBe(0);
    expect(await problems('node-shared/x.ts', use('../common/errors.js'))).toBe(0);
    expect(await problems('node-shared/x.ts', use('../hub/server.js'))).toBe(1);
    expect(await problems('node-shared/x.ts', use('electron'))).toBe(1);
  });

  it('keeps the preload to Electron and the contract names', async () => {
    const use = (spec: string) => `import * as m from '${spec}';\nexport const a = m;\n`;
    expect(await problems('preload/index.ts', use('../main/x.js'))).toBe(1);
    expect(await problems('preload/index.ts', use('../hub/x.js'))).toBe(1);
    expect(await problems('preload/index.ts', use('../common/contract.js'))).toBe(1);
    expect(await problems('preload/index.ts', use('node:path'))).toBe(1);
    expect(
      await problems(
        'preload/index.ts',
        "import { CONSOLE_CALL_NAMES } from '../common/contract-names.js';\nexport const a = CONSOLE_CALL_NAMES;\n",
      ),
    ).toBe(0);
  });

  it('lets main/ reach the hub only through its entry point', async () => {
    const use = (file: string, spec: string) => problems(file, `import * as m from '${spec}';\nexport const a = m;\n`);
    expect(await use('main/local-store/x.ts', '../../hub/cases/moves.js')).toBe(1);
    expect(await use('main/x.ts', '../hub/cases/intake.js')).toBe(1);
    expect(await use('main/x.ts', '../hub/db/sql.js')).toBe(1);
    expect(await use('main/x.ts', '../hub/server.js')).toBe(0);
    expect(await use('main/x.ts', '../hub/config.js')).toBe(0);
    expect(await use('main/local-store/x.ts', '../../node-shared/sqlite/sql.js')).toBe(0);
    expect(await use('main/x.ts', '../renderer/src/x.js')).toBe(1);
    expect(await use('main/x.ts', '../preload/index.js')).toBe(1);
  });

  it('keeps Electron, by any subpath, in main/electron/ and the preload', async () => {
    const app = (spec: string) => `import { app } from '${spec}';\nexport const a = app;\n`;
    for (const spec of ['electron', 'electron/main', 'electron/common', 'electron/renderer']) {
      expect(await problems('main/console-service.ts', app(spec)), spec).toBe(1);
      expect(await problems('hub/server.ts', app(spec)), spec).toBe(1);
      expect(await problems('renderer/src/x.ts', app(spec)), spec).toBe(1);
      expect(await problems('main/electron/windows.ts', app(spec)), spec).toBe(0);
    }
    const ipc = "import { ipcMain } from 'electron/main';\nexport const a = ipcMain;\n";
    expect(await problems('main/electron/windows.ts', ipc)).toBe(1);
    expect(await problems('main/electron/ipc-binding.ts', ipc)).toBe(0);
    expect(
      await problems('main/electron/windows.ts', "import * as electron from 'electron';\nexport const a = electron;\n"),
    ).toBe(1);
  });

  it('keeps hub/ a plain Node service on common/ and node-shared/', async () => {
    const use = (spec: string) => problems('hub/cases/x.ts', `import * as m from '${spec}';\nexport const a = m;\n`);
    expect(await use('electron/main')).toBe(1);
    expect(await use('../../main/console-service.js')).toBe(1);
    expect(await use('../../renderer/src/x.js')).toBe(1);
    expect(await use('../../node-shared/sqlite/database.js')).toBe(0);
    expect(await use('../../common/errors.js')).toBe(0);
    expect(await use('node:crypto')).toBe(0);
    expect(await use('fastify')).toBe(0);
  });

  it('keeps the renderer off Node, Electron and every other layer', async () => {
    const use = (spec: string) => problems('renderer/src/x.ts', `import * as m from '${spec}';\nexport const a = m;\n`);
    expect(await use('../../node-shared/sqlite/sql.js')).toBe(1);
    expect(await use('../../preload/index.js')).toBe(1);
    expect(await use('fs/promises')).toBe(1);
    expect(await use('node:path')).toBe(1);
    expect(await use('better-sqlite3')).toBe(1);
    expect(await use('socket.io')).toBe(1);
    expect(await use('socket.io-client')).toBe(0);
    expect(await use('antd')).toBe(0);
    expect(await use('../../resources/taxonomy.json')).toBe(0);
  });

  it('checks re-exports and dynamic imports too, and leaves tests free', async () => {
    expect(await problems('common/x.ts', "export { readFileSync } from 'node:fs';\n")).toBe(1);
    expect(await problems('common/x.ts', "export const load = () => import('node:fs');\n")).toBe(1);
    expect(await problems('tests/unit/x.ts', "import { ipcMain } from 'electron';\nexport const a = ipcMain;\n")).toBe(
      0,
    );
  });

  it('keeps HTML sinks out of the renderer, so reported text is always shown as text', async () => {
    const sinks = async (code: string) =>
      (await eslint.lintText(code, { filePath: 'renderer/src/x.tsx' }))[0]!.messages.filter(
        (m) => m.ruleId === 'no-restricted-syntax',
      ).length;
    expect(
      await sinks('export const A = (p: { d: string }) => <p dangerouslySetInnerHTML={{ __html: p.d }} />;\n'),
    ).toBe(1);
    expect(await sinks('export const f = (el: HTMLElement, d: string) => {\n  el.innerHTML = d;\n};\n')).toBe(1);
    expect(
      await sinks("export const f = (el: HTMLElement, d: string) => el.insertAdjacentHTML('beforeend', d);\n"),
    ).toBe(1);
    expect(await sinks('export const A = (p: { d: string }) => <p>{p.d}</p>;\n')).toBe(0);
  });
});
