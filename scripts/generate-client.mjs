// Writes packages/client/openapi.d.ts: the TypeScript types of the OpenAPI document (openapi-typescript), which the
// typed client and the console use. Run by `npm run client:generate` after a change to a route spec;
// test/client/generated.test.ts fails while the committed file differs from what this writes.
import { writeFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

export const TYPES_FILE = fileURLToPath(new URL('../packages/client/openapi.d.ts', import.meta.url));

const BANNER = '// Generated from the OpenAPI document by `npm run client:generate`: do not edit.\n\n';

/** The types file of an OpenAPI document. */
export async function clientTypes(document) {
  const ast = await openapiTS(document, { alphabetize: true, silent: true });
  return BANNER + astToString(ast);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  // The built server declares every route when it is loaded; the document is then complete.
  await import('../dist/server.js');
  const { buildOpenApi } = await import('../dist/http/shared/openapi.js');
  writeFileSync(TYPES_FILE, await clientTypes(buildOpenApi('client')));
  console.error(`updraft: wrote ${TYPES_FILE}`);
}
