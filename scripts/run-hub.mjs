// `npm run hub` / `npm run audit:verify`: runs out/hub/<entry>.js with node, building it first when a source is newer
// than the build (or there is none). On a server installed with production dependencies only, an existing build is
// run as it is; without one it says how to make it.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const entry = process.argv[2];
if (!entry) throw new Error('usage: run-hub.mjs <entry> [args]');
const output = join(root, 'out', 'hub', `${entry}.js`);

/** The newest modification time under the given folders (TypeScript and JSON), and of package.json itself. */
function newestSource() {
  let newest = statSync(join(root, 'package.json')).mtimeMs;
  const walk = (dir) => {
    for (const item of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, item.name);
      if (item.isDirectory()) walk(path);
      else if (/\.(ts|json)$/.test(item.name)) newest = Math.max(newest, statSync(path).mtimeMs);
    }
  };
  ['hub', 'common', 'node-shared', 'resources'].forEach((dir) => existsSync(join(root, dir)) && walk(join(root, dir)));
  return newest;
}

const built = existsSync(output) ? statSync(output).mtimeMs : -1;
const sourcesHere = existsSync(join(root, 'hub'));
if (sourcesHere && built < newestSource()) {
  let buildHub;
  try {
    ({ buildHub } = await import('./build-hub.mjs'));
  } catch {
    buildHub = null; // esbuild is a development dependency
  }
  if (buildHub) await buildHub(root);
  else if (built < 0) {
    console.error(
      'The hub is not built and cannot be built here: run `npm run build:hub` where dev dependencies are installed.',
    );
    process.exit(1);
  } else
    console.error(
      'note: hub sources are newer than out/hub/, which cannot be rebuilt here; running the existing build',
    );
}
// The entry reads its own arguments from process.argv[2…], as when run with `node out/hub/<entry>.js`.
process.argv.splice(2, 1);
await import(pathToFileURL(output).href);
