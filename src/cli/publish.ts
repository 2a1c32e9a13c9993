import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename, resolve } from 'node:path';
import { ApiError, type LocalFile, type UpdraftApi, type UploadData, type UploadResult } from './api.js';
import { CliError } from './cli-error.js';
import { createProgress, formatBytes, type Progress } from './progress.js';

export interface PublishOptions {
  channel?: string;
  platform?: string;
  arch?: string;
  critical?: boolean;
  rollout?: string;
  changelogFile?: string;
  draft?: boolean;
  retries: number;
  /** Where unfinished resumable uploads are remembered between runs. */
  resumeFile: string;
}

export interface PublishedFile {
  name: string;
  size: number;
  sha256: string;
}

export interface PublishResult {
  id: string;
  app: string;
  version: string;
  channel: string;
  platform: string;
  arch: string;
  published: boolean;
  files: PublishedFile[];
}

/** Files sent at once through resumable uploads: enough to fill a link, few enough to give each a fair share. */
const PARALLEL_UPLOADS = 3;

/** `task` over every item, at most `limit` at a time; the results in the items' order. */
async function inParallel<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = [];
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** Waits before the n-th retry (from 1): 1 s, 2 s, 4 s, … up to 30 s. */
export function backoff(attempt: number): number {
  return Math.min(30_000, 1000 * 2 ** (attempt - 1));
}

function sha256Of(path: string): Promise<string> {
  return new Promise((done, failed) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', failed)
      .on('end', () => done(hash.digest('hex')));
  });
}

/** The files as given, checked before a byte is sent: each a readable file, no two with the same name. */
async function localFiles(paths: readonly string[]): Promise<LocalFile[]> {
  const seen = new Set<string>();
  const files: LocalFile[] = [];
  for (const given of paths) {
    const path = resolve(given);
    const info = await stat(path).catch(() => undefined);
    if (!info?.isFile()) throw new CliError(`${given} is not a file: give the path of each file to publish`);
    const name = basename(path);
    if (seen.has(name)) {
      throw new CliError(`two files are named ${name}: a release holds one file of each name`);
    }
    seen.add(name);
    files.push({ path, size: info.size });
  }
  return files;
}

/** A rollout percentage as the command line takes it: a whole number from 0 to 100. */
export function parsePercentage(text: string, label: string): number {
  const n = Number(text);
  if (!/^\d+$/.test(text) || n > 100) {
    throw new CliError(`${label} ${text} is not a percentage: give a whole number from 0 to 100`);
  }
  return n;
}

/** Runs `attempt` until it succeeds, a failure is the request's fault (4xx), or the retries are spent. */
async function withRetries<T>(retries: number, progress: Progress, attempt: () => Promise<T>): Promise<T> {
  for (let n = 1; ; n++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof ApiError) || !err.transient || n > retries) throw err;
      const wait = backoff(n);
      progress.note(`${err.message}: retrying in ${wait / 1000}s (${n}/${retries})`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/**
 * Sends each file through the server's resumable uploads (so that running the same command again continues a file
 * that was cut off), then commits the release naming them.
 */
async function transfer(
  api: UpdraftApi,
  data: UploadData,
  files: readonly LocalFile[],
  progress: Progress,
  options: PublishOptions,
): Promise<UploadResult> {
  const store = {
    path: options.resumeFile,
    target: JSON.stringify([api.url, data.app_name, data.version, data.channel, data.platform, data.arch]),
  };
  const uploads = await inParallel(files, PARALLEL_UPLOADS, async (file, i) => ({
    id: await api.resumableUpload(file, store, {
      retryDelays: Array.from({ length: options.retries }, (_, n) => backoff(n + 1)),
      onProgress: (sent) => progress.update(i, sent),
      onRetry: (message) => progress.note(`${basename(file.path)}: ${message}: retrying`),
    }),
    name: basename(file.path),
  }));
  const result = await withRetries(options.retries, progress, () => api.commitUploads(data, uploads));
  await api.forgetResumableUploads(files, store);
  return result;
}

/**
 * `updraft publish`: checks everything it can locally, hashes the files, uploads them with progress, and compares
 * the SHA-256 the server computed of each file with its own. Any failure throws with the server's message.
 */
export async function publish(
  api: UpdraftApi,
  app: string,
  version: string,
  paths: readonly string[],
  options: PublishOptions,
  progressStream: NodeJS.WriteStream,
): Promise<PublishResult> {
  const files = await localFiles(paths);
  const rollout = options.rollout === undefined ? undefined : parsePercentage(options.rollout, '--rollout');
  const changelog = options.changelogFile ? await readFile(options.changelogFile, 'utf8') : undefined;
  const data: UploadData = {
    app_name: app,
    version,
    ...(options.channel ? { channel: options.channel } : {}),
    ...(options.platform ? { platform: options.platform } : {}),
    ...(options.arch ? { arch: options.arch } : {}),
    publish: !options.draft,
    critical: Boolean(options.critical),
    ...(rollout === undefined ? {} : { rollout }),
    ...(changelog === undefined ? {} : { changelog }),
  };
  const hashes = await Promise.all(files.map((f) => sha256Of(f.path)));
  const progress = await createProgress(
    files.map((f) => ({ name: basename(f.path), size: f.size })),
    progressStream,
  );
  let result: UploadResult;
  try {
    result = await transfer(api, data, files, progress, options);
  } finally {
    progress.stop();
  }
  const published = files.map((file, i): PublishedFile => {
    const name = basename(file.path);
    const local = hashes[i] ?? '';
    const stored = result.artifacts.find((a) => a.file_name === name);
    if (!stored) {
      throw new CliError(
        `the server stored version ${result.id} but did not report ${name}: check it with updraft release show`,
      );
    }
    if (stored.sha256 !== local || stored.size !== file.size) {
      throw new CliError(
        `${name}: the server stored ${formatBytes(stored.size)} with SHA-256 ${stored.sha256}, but the local file (${formatBytes(file.size)}) has ${local}: the file was damaged on the way; delete the version (updraft release delete ${app} ${version}) and publish it again`,
      );
    }
    return { name, size: file.size, sha256: local };
  });
  return {
    id: result.id,
    app,
    version,
    channel: options.channel ?? '',
    platform: options.platform ?? '',
    arch: options.arch ?? '',
    published: !options.draft,
    files: published,
  };
}
