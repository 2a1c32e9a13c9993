import { DomainError } from '../errors.js';

/**
 * Why a package could not be read, in Fenfa's words: `BAD_FILE` when it is not an IPA or APK at all (not a ZIP,
 * truncated, no `Payload/*.app`, no manifest), `PARSE_ERROR` when it is one but a part it needs is damaged.
 * Both are the uploader's mistake (400 on every face), never a 500.
 */
export type PackageErrorCode = 'BAD_FILE' | 'PARSE_ERROR';

export class PackageError extends DomainError {
  constructor(
    readonly code: PackageErrorCode,
    message: string,
  ) {
    super('invalid', message);
  }
}

export const badFile = (message: string) => new PackageError('BAD_FILE', message);
export const parseError = (message: string) => new PackageError('PARSE_ERROR', message);
