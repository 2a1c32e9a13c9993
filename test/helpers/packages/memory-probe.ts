import { readPackage } from '../../../src/core/packages/read-package.js';

/**
 * Run in a fresh process by the large-package test: parses the package named on the command line and prints its
 * resident memory just before the parse and the process's peak (getrusage's maxrss) after it. A fresh process has
 * no earlier peak (test runner start-up, other tests) to hide the parse's own.
 */
async function main(): Promise<void> {
  const path = process.argv[2] ?? '';
  const before = process.memoryUsage().rss;
  const info = await readPackage(path);
  const peak = process.resourceUsage().maxRSS * 1024;
  process.stdout.write(JSON.stringify({ before, peak, platform: info.platform, fileSize: info.file_size }));
}

void main();
