// `npm run build:hub`: the county hub as plain JavaScript in out/hub/ (cli.js, audit-verify.js), run by `node` with
// production dependencies only. Every package stays an import resolved from node_modules at run time (the
// better-sqlite3 native binding, ffmpeg's binary); the repository's own TypeScript and resources/*.json are bundled,
// so the output reads nothing relative to the working directory.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export const HUB_ENTRIES = { cli: 'hub/cli.ts', 'audit-verify': 'hub/video-access/audit-verify-cli.ts' };

export async function buildHub(root = fileURLToPath(new URL('..', import.meta.url)), outdir = 'out/hub') {
  await build({
    absWorkingDir: root,
    entryPoints: HUB_ENTRIES,
    outdir,
    bundle: true,
    splitting: true, // the two entries share the hub's modules instead of each carrying a copy
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: true,
    logLevel: 'warning',
    chunkNames: 'chunks/[name]-[hash]',
  });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = Date.now();
  // `--outdir <dir>` (inside the repository, so node_modules resolves): tests build a copy of their own.
  const at = process.argv.indexOf('--outdir');
  const outdir = at > 0 ? process.argv[at + 1] : 'out/hub';
  await buildHub(undefined, outdir);
  console.log(`hub built into ${outdir}/ in ${Date.now() - started} ms`);
}
