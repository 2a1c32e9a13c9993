import type { IncomingMessage } from 'node:http';
import type { Readable } from 'node:stream';
import busboy from 'busboy';
import { DomainError, invalid } from '../../core/errors.js';
import { printable } from '../../core/names.js';

export interface MultipartFile {
  fieldName: string;
  fileName: string;
  contentType: string;
  /** Read it (or leave it: it is then discarded). It ends early with an error when the file passes the limit. */
  stream: Readable;
}

export interface MultipartOptions {
  maxFiles: number;
  maxFileBytes: number;
  maxFields?: number;
  maxFieldBytes?: number;
  /**
   * Called for each file part, one at a time, with the text fields that came before it in the form, so a caller can
   * validate those before the file goes anywhere. Throwing refuses the whole request.
   */
  onFile(file: MultipartFile, fieldsSoFar: ReadonlyMap<string, string>): Promise<void>;
  /**
   * After a failure the rest of the body is read and thrown away so that the client, still sending, gets the error
   * response instead of a reset connection; past this many bytes the connection is cut instead.
   */
  maxDrainBytes?: number;
}

const DEFAULTS = { maxFields: 20, maxFieldBytes: 1024 * 1024, maxDrainBytes: 64 * 1024 * 1024 };

function describeBytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return Number.isInteger(mb) ? `${mb} MB` : `${bytes} bytes`;
}

/**
 * How long the rest of a refused body is still read and thrown away after the answer, before the connection is cut.
 */
const LINGER_MS = 10_000;

/**
 * Reads and discards what is left of the body; resolves once the request is over (ended, cut or broken), or once
 * `maxBytes` more have come. In that case the caller answers while the rest is still read and thrown away for
 * LINGER_MS, and only then is the connection cut: a client still sending would otherwise get a reset connection in
 * place of the answer.
 */
export function drain(req: IncomingMessage, maxBytes: number): Promise<void> {
  if (req.readableEnded || req.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    let seen = 0;
    let lingering: NodeJS.Timeout | undefined;
    const over = () => {
      req.off('data', count);
      clearTimeout(lingering);
      resolve();
    };
    const count = (chunk: Buffer) => {
      seen += chunk.length;
      if (seen > maxBytes && lingering === undefined) {
        lingering = setTimeout(() => req.destroy(), LINGER_MS);
        resolve();
      }
    };
    req.on('data', count);
    req.once('end', over);
    req.once('close', over);
    req.once('error', over);
    req.resume();
  });
}

/**
 * Streams a multipart/form-data request: text fields are collected (bounded in size and number), each file part is
 * handed to `onFile` as a stream and never held in memory. Resolves with the fields once every part has been
 * read and every `onFile` has finished; rejects with a DomainError (400/413) only after the request body is over.
 */
export function readMultipart(req: IncomingMessage, options: MultipartOptions): Promise<Map<string, string>> {
  const { maxFields, maxFieldBytes, maxDrainBytes } = { ...DEFAULTS, ...options };
  const contentType = req.headers['content-type'] ?? '';
  return new Promise((resolve, reject) => {
    const fields = new Map<string, string>();
    let parser: busboy.Busboy | undefined;
    let handlers: Promise<void> = Promise.resolve();
    /** The file an `onFile` is reading now; cut off when the request fails. */
    let current: Readable | undefined;
    let failure: unknown;
    const fail = (err: unknown) => {
      if (failure !== undefined) return;
      failure = err;
      req.unpipe();
      const reading = current;
      // On the next tick: busboy emits 'limit' from inside its parser and still touches the file stream right after.
      process.nextTick(() => {
        parser?.destroy();
        reading?.destroy(err instanceof Error ? err : new Error(String(err)));
      });
      // The handler of the file being read settles (and cleans up) before the caller hears of the failure.
      Promise.all([drain(req, maxDrainBytes), handlers]).then(() => reject(failure));
    };

    if (!/^multipart\/form-data\b/i.test(contentType)) {
      fail(invalid('multipart form data is required'));
      return;
    }
    try {
      parser = busboy({
        headers: req.headers,
        // File names arrive as sent: busboy would otherwise cut `../x` or `a/b.dmg` down to a base name and hide a
        // client's mistake from the route that judges names. Browsers and curl send them as raw UTF-8.
        preservePath: true,
        defParamCharset: 'utf8',
        // One more byte than allowed: busboy reports a file that reaches its limit exactly as truncated.
        limits: {
          files: options.maxFiles,
          fileSize: options.maxFileBytes + 1,
          fields: maxFields,
          fieldSize: maxFieldBytes,
        },
      });
    } catch (err) {
      fail(invalid(`malformed multipart form data: ${(err as Error).message}`));
      return;
    }

    parser.on('field', (name, value, info) => {
      if (failure !== undefined) return;
      if (info.valueTruncated) {
        fail(
          new DomainError(
            'too_large',
            `form field "${printable(name)}" is larger than ${describeBytes(maxFieldBytes)}`,
          ),
        );
      } else if (fields.has(name)) {
        fail(invalid(`form field "${printable(name)}" was sent more than once`));
      } else {
        fields.set(name, value);
      }
    });

    parser.on('file', (fieldName, stream, info) => {
      // Destroying the stream (on a failure) makes it emit an error nobody may be listening for yet.
      stream.on('error', () => {});
      if (failure !== undefined) {
        stream.resume();
        return;
      }
      const fileName = info.filename ?? '';
      stream.on('limit', () => {
        fail(
          new DomainError(
            'too_large',
            `file "${printable(fileName)}" is larger than the limit of ${describeBytes(options.maxFileBytes)}`,
          ),
        );
      });
      const before = new Map(fields);
      handlers = handlers.then(async () => {
        if (failure !== undefined) return;
        current = stream;
        try {
          await options.onFile({ fieldName, fileName, contentType: info.mimeType, stream }, before);
          // A file the caller chose not to read must still be consumed for the form to go on.
          if (!stream.readableEnded) stream.resume();
        } catch (err) {
          fail(err);
        } finally {
          current = undefined;
        }
      });
    });

    parser.on('filesLimit', () => {
      fail(
        invalid(`too many files: send at most ${options.maxFiles} file${options.maxFiles === 1 ? '' : 's'}`),
      );
    });
    parser.on('fieldsLimit', () => fail(invalid(`too many form fields: send at most ${maxFields}`)));
    parser.on('error', (err: Error) => fail(invalid(`malformed multipart form data: ${err.message}`)));
    parser.on('close', () => {
      handlers.then(() => {
        if (failure === undefined) resolve(fields);
      });
    });
    req.on('close', () => {
      if (!req.complete) fail(invalid('the request ended before the whole form was sent'));
    });
    req.pipe(parser);
  });
}

/** What a multipart write route builds once its `data` is known; files that come after `data` go straight to it. */
export interface DataFormWrite<R> {
  /** Checks a file against the data, then stores it under a temporary key. */
  addFile(file: MultipartFile): Promise<void>;
  /** Makes the write visible; on failure it removes what it stored. */
  commit(): Promise<R>;
  /** Gives up: removes what it stored. */
  discard(): Promise<void>;
}

export interface DataFormOptions<R> {
  maxFiles: number;
  maxFileBytes: number;
  maxFieldBytes: number;
  /** Says how to send files, for a file part of another name than `file`. */
  fileHint: string;
  /** Says how to send `data`, for the 400 when the form has none. */
  dataHint: string;
  /** A file that came before `data`: the checks that need no data, then stored under a temporary key. */
  stage(file: MultipartFile): Promise<void>;
  /** Removes what stage() stored and prepare() did not take over; called whenever the request fails. */
  unstage(): Promise<void>;
  /**
   * Validates `data` and the caller's rights, and takes over what stage() stored, running the checks that needed the
   * data on it. `withFiles`: the form has at least one file.
   */
  prepare(data: unknown, fields: ReadonlyMap<string, string>, withFiles: boolean): Promise<DataFormWrite<R>>;
}

/**
 * FaynoSync's multipart write routes (`/upload`, `/apps/update`, `/app/create|update`): a JSON `data` field and files
 * in any order, as FaynoSync reads them (its CLI, Postman collection and dashboard send the files first). Files always
 * stream to temporary keys, never into memory, and nothing is visible before the commit:
 * - a file after `data` is checked against it (prepared at the first such file) before a byte is stored;
 * - a file before `data` gets the checks that need no data, is staged, and is checked against `data` when the next
 *   file arrives or the form ends, whichever comes first;
 * - when `data` is missing or invalid, or a check fails, every staged object is removed and the 4xx is answered.
 * Other form fields (FaynoSync's `intermediate`) count when they come before the file that prepared the write.
 */
export async function writeDataForm<R>(req: IncomingMessage, options: DataFormOptions<R>): Promise<R> {
  let pending: DataFormWrite<R> | undefined;
  /** The fields the write was prepared with, when a file forced it before the form ended. */
  let prepared: ReadonlyMap<string, string> | undefined;
  let files = 0;
  try {
    const fields = await readMultipart(req, {
      maxFiles: options.maxFiles,
      maxFileBytes: options.maxFileBytes,
      maxFieldBytes: options.maxFieldBytes,
      onFile: async (file, before) => {
        if (file.fieldName !== 'file') {
          throw invalid(`unexpected file field "${printable(file.fieldName)}": ${options.fileHint}`);
        }
        files += 1;
        if (!pending && before.has('data')) {
          prepared = before;
          pending = await options.prepare(dataField(before, options.dataHint), before, true);
        }
        if (pending) await pending.addFile(file);
        else await options.stage(file);
      },
    });
    if (prepared) {
      for (const [name, value] of fields) {
        if (prepared.get(name) !== value) {
          throw invalid(
            `form field "${printable(name)}" came after a file that follows "data": send it before those files, or inside "data"`,
          );
        }
      }
    }
    pending ??= await options.prepare(dataField(fields, options.dataHint), fields, files > 0);
    return await pending.commit();
  } catch (err) {
    await pending?.discard();
    await options.unstage();
    throw err;
  }
}

/** The `data` form field, where FaynoSync's multipart routes carry their JSON; `hint` says how to send it. */
export function dataField(fields: ReadonlyMap<string, string>, hint: string): unknown {
  const raw = fields.get('data');
  if (raw === undefined || raw.trim() === '') throw invalid(`No JSON data provided: ${hint}`);
  try {
    return JSON.parse(raw);
  } catch (err) {
    throw invalid(`Invalid JSON data: ${(err as Error).message}`);
  }
}
