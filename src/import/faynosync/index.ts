import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { applyPlan, type ImportDeps, type ImportSummary } from './apply.js';
import { ImportError, readCollection } from './export-reader.js';
import { type BucketNames, filesSource, type S3SourceOptions, s3Source } from './object-sources.js';
import { COLLECTIONS, type FaynosyncExport, planImport } from './plan.js';

export type { ImportDeps, ImportSummary } from './apply.js';
export { ImportError } from './export-reader.js';

export interface FaynosyncImportOptions {
  /** The folder of mongoexport files, one `<collection>.json` each. */
  mongoExport: string;
  /** A local copy of the buckets (`<files>/<bucket>/<key>`), or the buckets themselves. */
  source: { files: string } | { s3: S3SourceOptions };
  buckets: BucketNames;
  dryRun: boolean;
}

/** Reads a FaynoSync export, plans it per admin and writes what Updraft does not have yet (or, dry, counts it). */
export async function importFaynosync(
  options: FaynosyncImportOptions,
  deps: ImportDeps,
): Promise<ImportSummary> {
  const data = {} as FaynosyncExport;
  const admins = join(options.mongoExport, 'admins.json');
  // Every other collection may be absent (none of its documents yet); without admins there is nothing to import into.
  if (!existsSync(admins)) {
    throw new ImportError(
      `${admins} not found: give --mongo-export the folder mongoexport wrote ${COLLECTIONS.map((c) => `${c}.json`).join(', ')} into`,
    );
  }
  for (const collection of COLLECTIONS)
    data[collection] = await readCollection(options.mongoExport, collection);
  const source =
    'files' in options.source
      ? filesSource(options.source.files, options.buckets)
      : s3Source(options.source.s3, options.buckets);
  return applyPlan(planImport(data), deps, source, options.dryRun);
}

const LABELS: Record<keyof ImportSummary['counts'], string> = {
  tenants: 'tenants (admins)',
  teamUsers: 'team users',
  channels: 'channels',
  platforms: 'platforms',
  archs: 'archs',
  apps: 'apps',
  versions: 'versions',
  files: 'files',
  tokens: 'API tokens',
};

/** The summary as people read it. */
export function formatSummary(summary: ImportSummary): string {
  const verb = summary.dryRun ? 'would import' : 'imported';
  const lines = [summary.dryRun ? 'FaynoSync import (dry run: nothing written)' : 'FaynoSync import'];
  for (const [kind, label] of Object.entries(LABELS) as [keyof ImportSummary['counts'], string][]) {
    const { imported, present } = summary.counts[kind];
    lines.push(`  ${label}: ${verb} ${imported}, already present ${present}`);
  }
  if (!summary.dryRun) lines.push(`  bytes copied: ${summary.bytes}`);
  if (summary.notMoved.length > 0) lines.push('not moved:', ...summary.notMoved.map((line) => `  - ${line}`));
  if (summary.warnings.length > 0) lines.push('warnings:', ...summary.warnings.map((line) => `  - ${line}`));
  return `${lines.join('\n')}\n`;
}
