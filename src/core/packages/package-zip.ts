import { PassThrough, type Readable } from 'node:stream';
import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { badFile, parseError } from './package-error.js';

/**
 * A package somewhere else than a local path (an object of the artifact store): its size and a way to stream any
 * byte range of it. `end` is exclusive.
 */
export interface PackageSource {
  size: number;
  read(start: number, end: number): Promise<Readable>;
}

/** One round trip fetches this much: the central directory is read in small, forward steps. */
const READ_AHEAD = 64 * 1024;

/**
 * yauzl's random access over a PackageSource. yauzl reads the central directory a header at a time; each of those
 * small reads is served from one read-ahead block, so a directory of thousands of entries costs a few dozen range
 * requests (S3), not thousands. Entry data streams straight from the source.
 */
class SourceReader extends yauzl.RandomAccessReader {
  #block: { start: number; bytes: Buffer } | undefined;

  constructor(private readonly source: PackageSource) {
    super();
  }

  override _readStreamForRange(start: number, end: number): Readable {
    const out = new PassThrough();
    if (end <= start) {
      out.end();
      return out;
    }
    this.source.read(start, end).then(
      (stream) => {
        stream.on('error', (err) => out.destroy(err));
        stream.pipe(out);
      },
      (err: Error) => out.destroy(err),
    );
    return out;
  }

  override read(
    buffer: Buffer,
    offset: number,
    length: number,
    position: number,
    callback: (err: Error | null) => void,
  ): void {
    const cached = this.#block;
    if (cached && position >= cached.start && position + length <= cached.start + cached.bytes.length) {
      cached.bytes.copy(buffer, offset, position - cached.start, position - cached.start + length);
      // Asynchronously, as a real read answers: yauzl asks for the next entry from this callback, and answering at
      // once would nest one call per entry of the directory.
      setImmediate(() => callback(null));
      return;
    }
    const end = Math.min(this.source.size, position + Math.max(length, READ_AHEAD));
    this.#fetch(position, end).then(
      (bytes) => {
        if (bytes.length < length) {
          callback(new Error('unexpected end of the stored package'));
          return;
        }
        this.#block = { start: position, bytes };
        bytes.copy(buffer, offset, 0, length);
        callback(null);
      },
      (err: Error) => callback(err),
    );
  }

  async #fetch(start: number, end: number): Promise<Buffer> {
    const parts: Buffer[] = [];
    for await (const part of await this.source.read(start, end)) parts.push(part as Buffer);
    return Buffer.concat(parts);
  }
}

/** A failure of the disk or the path (ENOENT, EIO, EMFILE), not of the package: the server's to report. */
function isSystemError(err: unknown): boolean {
  return (
    typeof (err as NodeJS.ErrnoException).code === 'string' &&
    typeof (err as NodeJS.ErrnoException).syscall === 'string'
  );
}

/**
 * A package opened for random access: yauzl reads only the central directory at the end of the file, then
 * inflates just the entries asked for, so a 1 GB IPA costs the memory of its directory and a few small files.
 */
export class PackageZip {
  private constructor(
    private readonly zip: ZipFile,
    private readonly entries: Map<string, Entry>,
  ) {}

  /** Opens a package at a local path, or one a PackageSource reads. */
  static async open(input: string | PackageSource): Promise<PackageZip> {
    const options = { lazyEntries: true, autoClose: false, strictFileNames: false };
    const zip = await new Promise<ZipFile>((resolve, reject) => {
      const done = (err: Error | null, zipFile: ZipFile) => (err ? reject(err) : resolve(zipFile));
      if (typeof input === 'string') yauzl.open(input, options, done);
      else yauzl.fromRandomAccessReader(new SourceReader(input), input.size, options, done);
    }).catch((err: Error) => {
      if (isSystemError(err)) throw err;
      throw badFile(
        `the file is not a ZIP archive or is truncated (${err.message}): upload the whole .ipa or .apk`,
      );
    });
    const entries = new Map<string, Entry>();
    try {
      await new Promise<void>((resolve, reject) => {
        zip.on('entry', (entry: Entry) => {
          if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
          zip.readEntry();
        });
        zip.once('end', resolve);
        zip.once('error', reject);
        zip.readEntry();
      });
    } catch (err) {
      zip.close();
      if (isSystemError(err)) throw err;
      throw badFile(
        `the ZIP directory is damaged (${(err as Error).message}): upload the whole .ipa or .apk`,
      );
    }
    return new PackageZip(zip, entries);
  }

  get fileSize(): number {
    return this.zip.fileSize;
  }

  names(): IterableIterator<string> {
    return this.entries.keys();
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  /** The uncompressed size the directory declares (yauzl holds the stream to it), or undefined. */
  sizeOf(name: string): number | undefined {
    return this.entries.get(name)?.uncompressedSize;
  }

  /** One entry's bytes; an entry larger than `maxBytes` is refused before anything is inflated. */
  async read(name: string, maxBytes: number): Promise<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw parseError(`${name} is missing from the package`);
    if (entry.uncompressedSize > maxBytes)
      throw parseError(
        `${name} is ${entry.uncompressedSize} bytes, more than the ${maxBytes} this part may have`,
      );
    try {
      const stream = await new Promise<NodeJS.ReadableStream>((resolve, reject) => {
        this.zip.openReadStream(entry, (err, readStream) => (err ? reject(err) : resolve(readStream)));
      });
      const parts: Buffer[] = [];
      for await (const part of stream) parts.push(part as Buffer);
      return Buffer.concat(parts);
    } catch (err) {
      if (isSystemError(err)) throw err;
      throw badFile(
        `${name} cannot be read: the package is damaged or truncated (${(err as Error).message})`,
      );
    }
  }

  close(): void {
    this.zip.close();
  }
}
