import yauzl, { type Entry, type ZipFile } from 'yauzl';
import { badFile, parseError } from './package-error.js';

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

  static async open(path: string): Promise<PackageZip> {
    const zip = await new Promise<ZipFile>((resolve, reject) => {
      yauzl.open(path, { lazyEntries: true, autoClose: false, strictFileNames: false }, (err, zipFile) =>
        err ? reject(err) : resolve(zipFile),
      );
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
