/**
 * electron-vite: main (ESM, deps external: out/main/index.js and the embedded hub's utility-process module
 * out/main/hub-process.js, sharing chunks), preload (one CommonJS file, as a sandboxed preload must be), and the
 * renderer config shared with `npm run build:renderer`.
 */
import { defineConfig } from 'electron-vite';
import { fileURLToPath } from 'node:url';
import renderer from './vite.renderer.config.js';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  main: {
    build: {
      outDir: here('./out/main'),
      externalizeDeps: true,
      lib: {
        entry: { index: here('./main/electron/index.ts'), 'hub-process': here('./main/hub-process/entry.ts') },
        formats: ['es'],
      },
      rollupOptions: { output: { entryFileNames: '[name].js' } },
    },
  },
  preload: {
    build: {
      outDir: here('./out/preload'),
      externalizeDeps: false,
      lib: { entry: here('./preload/index.ts'), formats: ['cjs'] },
      rollupOptions: { external: ['electron'], output: { entryFileNames: 'index.cjs' } },
    },
  },
  renderer: {
    ...renderer,
    build: { ...renderer.build, rollupOptions: { input: here('./renderer/index.html') } },
  },
});
