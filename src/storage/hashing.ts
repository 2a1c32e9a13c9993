import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { ObjectTooLargeError } from './types.js';

export interface Digest {
  size: number;
  /** SHA-1 only because Squirrel.Windows' RELEASES and Velopack's feed name packages by it. */
  sha1: string;
  sha256: string;
  sha512: string;
}

/**
 * Passes bytes through unchanged while counting and hashing them, so a put reads its body exactly once.
 * Fails with ObjectTooLargeError as soon as more than `maxBytes` have arrived, before passing the excess on.
 */
export class HashingStream extends Transform {
  #size = 0;
  readonly #sha1: Hash = createHash('sha1');
  readonly #sha256: Hash = createHash('sha256');
  readonly #sha512: Hash = createHash('sha512');
  #digest: Digest | undefined;

  constructor(private readonly maxBytes?: number) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.#size += chunk.length;
    if (this.maxBytes !== undefined && this.#size > this.maxBytes) {
      callback(new ObjectTooLargeError(this.maxBytes));
      return;
    }
    this.#sha1.update(chunk);
    this.#sha256.update(chunk);
    this.#sha512.update(chunk);
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    this.#digest = {
      size: this.#size,
      sha1: this.#sha1.digest('hex'),
      sha256: this.#sha256.digest('hex'),
      sha512: this.#sha512.digest('hex'),
    };
    callback();
  }

  /** Size and hashes of everything that went through; only known once the stream has ended. */
  digest(): Digest {
    if (!this.#digest) throw new Error('HashingStream.digest() called before the stream ended');
    return this.#digest;
  }
}
