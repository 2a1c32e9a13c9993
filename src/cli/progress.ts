/** Progress of the files of one publish, overall and per file. */
export interface Progress {
  /** `sent` may go down when a file is sent again after a failure. */
  update(fileIndex: number, sent: number): void;
  /** A line of its own (a retry, a verified hash), between the bars or the plain lines. */
  note(line: string): void;
  stop(): void;
}

export interface ProgressFile {
  name: string;
  size: number;
}

const UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < UNITS.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? Math.round(value) : value.toFixed(1)} ${UNITS[unit]}`;
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  return s < 60 ? `${s}s` : `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

/** Throughput since the start and the time left at that pace. */
class Pace {
  readonly #started = performance.now();

  describe(sent: number, total: number): { speed: string; eta: string } {
    const seconds = (performance.now() - this.#started) / 1000;
    const rate = seconds > 0 ? sent / seconds : 0;
    return {
      speed: `${formatBytes(rate)}/s`,
      eta: sent >= total ? '0s' : formatSeconds(rate > 0 ? (total - sent) / rate : Number.NaN),
    };
  }
}

/** Bars redrawn in place, for a terminal: one per file and one for all of them. */
async function terminalProgress(
  files: readonly ProgressFile[],
  stream: NodeJS.WriteStream,
): Promise<Progress> {
  // Loaded only to draw bars: every other command starts without it.
  const { default: cliProgress } = await import('cli-progress');
  const width = Math.max(...files.map((f) => f.name.length), 'total'.length);
  const multibar = new cliProgress.MultiBar(
    {
      stream,
      format: '{name} {bar} {percentage}% {done}/{size} {speed} ETA {eta}',
      hideCursor: true,
      clearOnComplete: false,
      barsize: 16,
      autopadding: true,
    },
    cliProgress.Presets.shades_classic,
  );
  const total = files.reduce((n, f) => n + f.size, 0);
  const sent = files.map(() => 0);
  const paces = files.map(() => new Pace());
  const overallPace = new Pace();
  const payload = (name: string, done: number, size: number, pace: Pace) => ({
    name: name.padEnd(width),
    done: formatBytes(done),
    size: formatBytes(size),
    ...pace.describe(done, size),
  });
  const bars = files.map((f, i) =>
    multibar.create(Math.max(f.size, 1), 0, payload(f.name, 0, f.size, paces[i] as Pace)),
  );
  const overall = files.length > 1 ? multibar.create(Math.max(total, 1), 0) : undefined;
  overall?.update(0, payload('total', 0, total, overallPace));
  return {
    update(index, bytes) {
      const file = files[index];
      if (!file) return;
      sent[index] = bytes;
      bars[index]?.update(bytes, payload(file.name, bytes, file.size, paces[index] as Pace));
      const all = sent.reduce((n, b) => n + b, 0);
      overall?.update(all, payload('total', all, total, overallPace));
    },
    note(line) {
      multibar.log(`${line}\n`);
    },
    stop() {
      multibar.stop();
    },
  };
}

/**
 * Plain lines for logs (CI, a pipe): no carriage returns or cursor codes, and a line per file only when it passes
 * another tenth of its size, so a 2 GB upload prints ten lines, not thousands.
 */
function plainProgress(files: readonly ProgressFile[], stream: NodeJS.WritableStream): Progress {
  const shown = files.map(() => 0);
  const paces = files.map(() => new Pace());
  return {
    update(index, bytes) {
      const file = files[index];
      if (!file) return;
      const tenth = file.size === 0 ? 10 : Math.floor((bytes * 10) / file.size);
      if (tenth <= (shown[index] ?? 0)) return;
      shown[index] = tenth;
      const { speed, eta } = (paces[index] as Pace).describe(bytes, file.size);
      stream.write(
        `${file.name} ${tenth * 10}% ${formatBytes(bytes)}/${formatBytes(file.size)} ${speed} ETA ${eta}\n`,
      );
    },
    note(line) {
      stream.write(`${line}\n`);
    },
    stop() {},
  };
}

/** Bars on a terminal, plain lines anywhere else. */
export async function createProgress(
  files: readonly ProgressFile[],
  stream: NodeJS.WriteStream,
): Promise<Progress> {
  return stream.isTTY ? terminalProgress(files, stream) : plainProgress(files, stream);
}
