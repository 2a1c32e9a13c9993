import { DomainError, type ErrorKind } from '../errors.js';

/** The codes Fenfa answers for mistakes of the iOS routes (§B.3), besides the usual ones. */
export type IosErrorCode = 'INVALID_NONCE' | 'APPLE_NOT_CONFIGURED' | 'DEVICE_NOT_FOUND';

/** A mistake of the UDID and Apple routes that Fenfa's clients tell apart by its code. */
export class IosError extends DomainError {
  constructor(
    kind: ErrorKind,
    readonly code: IosErrorCode,
    message: string,
  ) {
    super(kind, message);
  }
}
