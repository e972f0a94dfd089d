// `npm start`: build, then launch Electron with the embedded hub and demo county.
// Where no Electron binary can be had (e.g. a closed network), say so in one line and point at `npm run web`.
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const electronDir = dirname(require.resolve('electron/package.json'));

function electronBinary() {
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const p = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, 'electron');
    return existsSync(p) ? p : null;
  }
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) {
    // Electron ≥ 42 fetches its binary on first use; try once, quietly.
    const fetched = spawnSync(process.execPath, [join(electronDir, 'install.js')], {
      stdio: 'ignore',
      timeout: 120_000,
    });
    if (fetched.status !== 0 || !existsSync(pathFile)) return null;
  }
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();
if (!binary) {
  console.error(
    'No Electron binary is available on this machine (it could not be downloaded); run `npm run web` and open the console in a browser instead.',
  );
  process.exit(1);
}

const build = spawnSync(process.execPath, [require.resolve('electron-vite/bin/electron-vite.js'), 'build'], {
  stdio: 'inherit',
});
if (build.status !== 0) process.exit(build.status ?? 1);

const child = spawn(binary, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code) => process.exit(code ?? 0));
