// Bundles the console and the public page (web/) into dist-web/ with esbuild: Preact and the few libraries they use
// are compiled in, so the server needs no CDN and the browser makes no third-party request. Like build.mjs it is
// incremental: when no file under web/ (nor the lock file) is newer than the outputs, it does nothing.
// Each bundle has a budget (gzip bytes); the build prints the sizes and fails when one is over.
import { mkdirSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const OUT = 'dist-web';
const BUNDLES = [
  { entry: 'web/console/main.tsx', name: 'console', budget: 300 * 1024 },
  { entry: 'web/public/main.ts', name: 'public', budget: 60 * 1024 },
];
const outputs = BUNDLES.flatMap(({ name }) => [join(OUT, `${name}.js`), join(OUT, `${name}.css`)]);

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return latest;
}

function mtime(path) {
  return statSync(path, { throwIfNoEntry: false })?.mtimeMs ?? -1;
}

// The console also bundles the pure modules of src/ it shares with the server and the command line.
const SHARED = ['src/core/feeds/feed-urls.ts'];
const sources = Math.max(
  newest('web'),
  ...SHARED.map(mtime),
  mtime('package-lock.json'),
  mtime('scripts/build-web.mjs'),
);
if (outputs.every((o) => mtime(o) >= sources) && !process.argv.includes('--force')) process.exit(0);

const esbuild = await import('esbuild');
mkdirSync(OUT, { recursive: true });
const started = Date.now();
const result = await esbuild.build({
  entryPoints: Object.fromEntries(BUNDLES.map(({ entry, name }) => [name, entry])),
  outdir: OUT,
  bundle: true,
  minify: true,
  format: 'esm',
  target: ['chrome110', 'firefox110', 'safari16'],
  jsx: 'automatic',
  jsxImportSource: 'preact',
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
});
// Two builds may run at once (test files that each build first): a server never sends a half-written bundle.
const sizes = new Map();
for (const file of result.outputFiles) {
  const temporary = `${file.path}.${process.pid}.tmp`;
  writeFileSync(temporary, file.contents);
  renameSync(temporary, file.path);
  sizes.set(file.path, gzipSync(file.contents).length);
}
let over = false;
for (const { name, budget } of BUNDLES) {
  const bytes = ['js', 'css'].reduce((sum, ext) => sum + (sizes.get(resolve(OUT, `${name}.${ext}`)) ?? 0), 0);
  const line = `updraft: web bundle ${name}: ${(bytes / 1024).toFixed(1)} KB gzip (budget ${budget / 1024} KB)`;
  if (bytes > budget) over = true;
  console.error(bytes > budget ? `${line}: OVER BUDGET` : line);
}
console.error(`updraft: built the web bundles in ${Date.now() - started} ms`);
if (over) process.exit(1);
