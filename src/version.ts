import { readFileSync } from 'node:fs';

let cached: string | undefined;

/**
 * Updraft's version, from package.json: src/ and dist/ both sit one level below it, so the same relative path works
 * whether the server runs from the build or from the sources (tests).
 */
export function updraftVersion(): string {
  if (cached === undefined) {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      version?: unknown;
    };
    cached = typeof pkg.version === 'string' ? pkg.version : 'unknown';
  }
  return cached;
}
