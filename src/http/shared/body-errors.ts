import type { ErrorKind } from '../../core/errors.js';

/** What body-parser attaches to the errors it throws. */
interface BodyParserError {
  type?: string;
  status?: number;
  limit?: number;
}

/** A request body the server could not read, as every face answers it (in its own shape and codes). */
export interface BodyProblem {
  status: number;
  kind: Extract<ErrorKind, 'invalid' | 'too_large'>;
  message: string;
}

/**
 * The caller's mistake a body-parser error stands for, with a message that says what to do; undefined when `err`
 * is not one. `tooLarge` is a face's advice for a body over the limit (where else large things go).
 */
export function bodyProblem(err: unknown, options: { tooLarge?: string } = {}): BodyProblem | undefined {
  const parser = err as BodyParserError | undefined;
  if (parser?.type === 'entity.parse.failed')
    return { status: 400, kind: 'invalid', message: 'invalid request body: malformed JSON' };
  if (parser?.type === 'entity.too.large') {
    const advice = options.tooLarge ? `; ${options.tooLarge}` : '';
    return {
      status: 413,
      kind: 'too_large',
      message: `request body too large: the limit is ${parser.limit} bytes${advice}`,
    };
  }
  if (parser?.type === 'encoding.unsupported' || parser?.type === 'charset.unsupported')
    return { status: 415, kind: 'invalid', message: 'unsupported request body encoding: send UTF-8 JSON' };
  if (typeof parser?.status === 'number' && parser.status >= 400 && parser.status < 500)
    return { status: parser.status, kind: 'invalid', message: 'invalid request' };
  return undefined;
}
