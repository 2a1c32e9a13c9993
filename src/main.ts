#!/usr/bin/env node
import { BackupError } from './backup/manifest.js';
import { CliError } from './cli/cli-error.js';
import { runProgram } from './cli/program.js';
import { ConfigError } from './config.js';
import { DomainError } from './core/errors.js';
import { DataDirInUseError } from './db/data-dir-lock.js';

/** A file system refusal (DATA_DIR not writable, a read-only volume) as one line naming the path. */
function fileSystemProblem(err: unknown): string | undefined {
  const { code, path, syscall } = err as NodeJS.ErrnoException;
  if (!path || !code || !['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'ENOTDIR'].includes(code)) return undefined;
  const user = process.getuid ? ` by user ${process.getuid()}` : '';
  return code === 'ENOSPC'
    ? `no space left for ${path}: free some space on that disk, or move DATA_DIR`
    : `${path} is not accessible${user} (${syscall ?? 'open'}: ${code}): check DATA_DIR and the owner and mode of that directory`;
}

runProgram(process.argv).catch((err: unknown) => {
  const fsLine = fileSystemProblem(err);
  if (
    err instanceof ConfigError ||
    err instanceof DomainError ||
    err instanceof DataDirInUseError ||
    err instanceof BackupError ||
    err instanceof CliError
  ) {
    process.stderr.write(`updraft: ${err.message}\n`);
  } else if (fsLine) {
    process.stderr.write(`updraft: ${fsLine}\n`);
  } else {
    process.stderr.write(`updraft: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
