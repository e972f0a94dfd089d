/** The lint rule that keeps the layers apart really refuses what it should (and lets the binding files through). */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });
const problems = async (filePath: string, code: string) =>
  (await eslint.lintText(code, { filePath }))[0]!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;

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
