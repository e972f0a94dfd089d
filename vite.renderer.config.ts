/**
 * The renderer's Vite config. `npm run build:renderer` uses it directly, and electron.vite.config.ts reuses it as
 * its `renderer` section, so paths are absolute (independent of the caller's cwd) and the object is the default
 * export.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('./renderer'),
  // Relative asset URLs so the built index.html also loads from file:// inside Electron.
  base: './',
  plugins: [react()],
  build: {
    outDir: here('./out/renderer'),
    emptyOutDir: true,
    // No source maps in the shipped app: they would expose the sources and weigh on the package for no user gain.
    sourcemap: false,
    // antd + React make one large vendor chunk by nature; it is loaded from disk, not a network, so only warn when
    // it grows well beyond that.
    chunkSizeWarningLimit: 2500,
  },
  server: {
    host: '127.0.0.1',
  },
});
