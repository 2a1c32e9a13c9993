// Builds dist/ from src/ by transpiling each file on its own (TypeScript's transpileModule: no type check), so a
// fresh `npm start` is ready in seconds instead of the minutes a full `tsc` takes on a small machine. Type checking
// is `npm run lint` (tsc --noEmit); tsconfig's isolatedModules and verbatimModuleSyntax make per-file output exact.
// Only files newer than their output are transpiled again; outputs whose source is gone are removed.
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
function writeAtomically(path, text) {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
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
  if (mtime(js) < mtime(source)) stale.push({ source, js });
}
// Loading the compiler takes longer than checking every file: a start with nothing to build does without it.
const ts = stale.length > 0 ? (await import('typescript')).default : undefined;
const options = ts && {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  verbatimModuleSyntax: true,
  sourceMap: true,
  esModuleInterop: true,
};
let built = 0;
for (const { source, js } of stale) {
  const result = ts.transpileModule(readFileSync(source, 'utf8'), {
    compilerOptions: options,
    fileName: relative(dirname(js), source),
    reportDiagnostics: true,
  });
  const errors = (result.diagnostics ?? []).filter((d) => d.category === ts.DiagnosticCategory.Error);
  if (errors.length > 0) {
    for (const d of errors)
      console.error(`${source}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    process.exit(1);
  }
  mkdirSync(dirname(js), { recursive: true });
  writeAtomically(`${js}.map`, result.sourceMapText ?? '');
  writeAtomically(js, result.outputText);
  built++;
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
