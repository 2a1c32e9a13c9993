import { parseArgs } from 'node:util';
import { ImportError } from './export-reader.js';
import type { FaynosyncImportOptions } from './index.js';

export const IMPORT_USAGE = `usage: updraft import faynosync --mongo-export DIR (--files DIR | --s3-endpoint URL --s3-bucket NAME
         --s3-access-key KEY --s3-secret-key SECRET [--s3-region REGION] [--s3-private-bucket NAME]) [--dry-run] [--json]

Moves a FaynoSync instance into Updraft: one tenant per FaynoSync admin, with its team users and permissions,
channels, platforms, archs, apps, versions (flags, changelogs, rollouts, intermediate chains) and their files, and
API tokens (they keep working: both store the same SHA-256 of the same token format; passwords keep their bcrypt
hashes). Re-running adds only what is new.

It writes into a STOPPED server's data: the database and storage the server would open, from the same environment
and .env as \`npm start\` (DATA_DIR, DATABASE_URL, STORAGE_DRIVER, S3_*). Stop the server first.

  --mongo-export DIR       mongoexport output, one <collection>.json per collection (admins, team_users, apps_meta,
                           apps, api_tokens), JSON lines or --jsonArray
  --files DIR              a local copy of FaynoSync's buckets, each object at DIR/<bucket>/<key>
  --s3-endpoint URL        FaynoSync's S3 API, e.g. https://s3.eu-central-1.amazonaws.com or http://minio:9000
  --s3-bucket NAME         its public bucket (S3_BUCKET); with --files, the folder to look in
  --s3-private-bucket NAME its private bucket (S3_BUCKET_PRIVATE); with --files, the folder to look in
  --s3-access-key, --s3-secret-key, --s3-region   credentials of the buckets
  --dry-run                report what would be imported; write nothing
  --json                   print the summary as JSON`;

export interface ImportArguments {
  options: FaynosyncImportOptions;
  json: boolean;
}

/** `import faynosync …` as given on the command line; 'help' for --help. */
export function parseImportArguments(args: string[]): ImportArguments | 'help' {
  const [what, ...rest] = args;
  if (what === '--help' || what === '-h') return 'help';
  if (what !== 'faynosync')
    throw new ImportError(`import: say what to import from, e.g. "import faynosync"\n${IMPORT_USAGE}`);
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: rest,
      strict: true,
      options: {
        'mongo-export': { type: 'string' },
        files: { type: 'string' },
        's3-endpoint': { type: 'string' },
        's3-bucket': { type: 'string' },
        's3-private-bucket': { type: 'string' },
        's3-access-key': { type: 'string' },
        's3-secret-key': { type: 'string' },
        's3-region': { type: 'string' },
        'dry-run': { type: 'boolean' },
        json: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    throw new ImportError(`import faynosync: ${(err as Error).message}\n${IMPORT_USAGE}`);
  }
  if (values.help) return 'help';
  const text = (name: string) => (typeof values[name] === 'string' ? (values[name] as string) : undefined);
  const mongoExport = text('mongo-export');
  if (!mongoExport) throw new ImportError(`import faynosync needs --mongo-export DIR\n${IMPORT_USAGE}`);
  const files = text('files');
  const endpoint = text('s3-endpoint');
  if ((files === undefined) === (endpoint === undefined)) {
    throw new ImportError(
      `import faynosync needs either --files DIR or --s3-endpoint URL (not both)\n${IMPORT_USAGE}`,
    );
  }
  const buckets = { public: text('s3-bucket'), private: text('s3-private-bucket') };
  let source: FaynosyncImportOptions['source'];
  if (endpoint !== undefined) {
    const accessKey = text('s3-access-key');
    const secretKey = text('s3-secret-key');
    if (!buckets.public || !accessKey || !secretKey) {
      throw new ImportError(
        `import faynosync with --s3-endpoint needs --s3-bucket, --s3-access-key and --s3-secret-key\n${IMPORT_USAGE}`,
      );
    }
    source = { s3: { endpoint, accessKey, secretKey, region: text('s3-region') } };
  } else {
    source = { files: files as string };
  }
  return {
    options: { mongoExport, source, buckets, dryRun: values['dry-run'] === true },
    json: values.json === true,
  };
}
