import { readFileSync } from 'node:fs';
import { readPackage } from '../../../src/core/packages/read-package.js';

/**
 * This process's own peak resident memory. On Linux getrusage's maxrss is carried over from the parent that forked
 * it (a test worker of several hundred MB), so it is read from VmHWM, which belongs to this process's own memory.
 */
function peakRss(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    // Not Linux: maxrss is this process's own there.
  }
  return process.resourceUsage().maxRSS * 1024;
}

/**
 * Run in a fresh process by the large-package test: parses the package named on the command line and prints its
 * resident memory just before the parse and the process's peak (peakRss) after it. A fresh process has
 * no earlier peak (test runner start-up, other tests) to hide the parse's own.
 */
async function main(): Promise<void> {
  const path = process.argv[2] ?? '';
  const before = process.memoryUsage().rss;
  const info = await readPackage(path);
  const peak = peakRss();
  process.stdout.write(JSON.stringify({ before, peak, platform: info.platform, fileSize: info.file_size }));
}

void main();
