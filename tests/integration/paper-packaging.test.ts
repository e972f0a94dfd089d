/**
 * The PDF font ships with the hub however it runs: the compiled hub (scripts/build-hub.mjs keeps packages external,
 * so the font package resolves from node_modules beside it) and the Electron package (a runtime dependency, its two
 * TTFs kept out of the asar and the unused weights left out) — checked against the files the renderer resolves.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, matchesGlob, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { paperFontPaths } from '../../hub/paper/pdf-render.js';

const repo = new URL('../..', import.meta.url).pathname;
const require = createRequire(join(repo, 'package.json'));
const yaml = require('js-yaml') as { load(text: string): unknown };
const config = yaml.load(readFileSync(join(repo, 'electron-builder.yml'), 'utf8')) as {
  files: string[];
  asarUnpack: string[];
};
const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

/** electron-builder's `files` on a node_modules path: a path is in unless a later `!` pattern takes it out. */
function shipped(path: string): boolean {
  let included = true;
  for (const pattern of config.files) {
    if (pattern.startsWith('!')) {
      if (matchesGlob(path, pattern.slice(1))) included = false;
    } else if (matchesGlob(path, pattern)) included = true;
  }
  return included;
}

describe('the PDF font in the shipped hub', () => {
  it('is a runtime dependency whose regular and bold TTFs exist, ship, and are unpacked from the asar', () => {
    expect(pkg.dependencies['@expo-google-fonts/noto-sans-sc']).toBe('0.4.3');
    expect(pkg.dependencies.pdfmake).toBe('0.3.11');
    for (const file of Object.values(paperFontPaths())) {
      expect(statSync(file).size).toBeGreaterThan(5_000_000);
      // The path inside the app (node_modules may be a link here).
      const inApp = `node_modules/${relative(join(repo, 'node_modules'), file).replace(/^.*?(@expo-google-fonts)/, '$1')}`;
      expect(shipped(inApp), inApp).toBe(true);
      expect(
        config.asarUnpack.some((glob) => matchesGlob(inApp, glob)),
        inApp,
      ).toBe(true);
    }
    expect(shipped('node_modules/@expo-google-fonts/noto-sans-sc/900Black/NotoSansSC_900Black.ttf')).toBe(false);
    expect(existsSync(join(repo, 'node_modules/@expo-google-fonts/noto-sans-sc/package.json'))).toBe(true);
  });
});
