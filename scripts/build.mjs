// Builds dist/ from src/ with esbuild, one output file per source file (no bundling, no type check), so a fresh
// `npm start` is ready in well under a second of build instead of the minutes a full `tsc` takes on a small
// machine. Type checking is `npm run lint` (tsc --noEmit); tsconfig's isolatedModules and verbatimModuleSyntax make
// per-file output exact. esbuild's prebuilt binary comes as an optional dependency and needs no install script.
// Only files newer than their output are transpiled again; outputs whose source is gone are removed.
import { mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

process.chdir(fileURLToPath(new URL('..', import.meta.url)));

const SRC = 'src';
const OUT = 'dist';

function walk(dir, out = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) walk(p, out);
    else out.push(p);
  }
  return out;
}

// Two builds may run at once (test files that start the built server): a reader never sees a half-written file.
function writeAtomically(path, contents) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return -1;
  }
}

const sources = walk(SRC).filter((p) => p.endsWith('.ts') && !p.endsWith('.d.ts'));
const wanted = new Set();
const stale = [];
for (const source of sources) {
  const js = `${join(OUT, relative(SRC, source)).replace(/\.ts$/, '')}.js`;
  wanted.add(js);
  wanted.add(`${js}.map`);
  if (mtime(js) < mtime(source)) stale.push(source);
}
let built = 0;
if (stale.length > 0) {
  // Loaded only when there is something to build: a restart with nothing to do does without it.
  const esbuild = await import('esbuild');
  let result;
  try {
    result = await esbuild.build({
      entryPoints: stale,
      outbase: SRC,
      outdir: OUT,
      bundle: false,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      sourcemap: true,
      sourcesContent: false,
      tsconfig: 'tsconfig.json',
      write: false,
      logLevel: 'silent',
    });
  } catch (err) {
    // esbuild's failure carries one message per error, each with its file and line.
    for (const e of err.errors ?? [])
      console.error(`${e.location ? `${e.location.file}:${e.location.line}: ` : ''}${e.text}`);
    if (!err.errors) console.error(err);
    process.exit(1);
  }
  for (const file of result.outputFiles) {
    const path = relative(process.cwd(), file.path);
    mkdirSync(dirname(path), { recursive: true });
    writeAtomically(path, file.contents);
    if (path.endsWith('.js')) built++;
  }
}
let removed = 0;
for (const file of statSync(OUT, { throwIfNoEntry: false }) ? walk(OUT) : []) {
  if (!wanted.has(file) && !file.endsWith('.tmp')) {
    rmSync(file, { force: true });
    removed++;
  }
}
if (built > 0 || removed > 0)
  console.error(`updraft: built ${built} file(s) into ${OUT}/${removed ? `, removed ${removed}` : ''}`);
