import { type DestinationStream, type Logger, pino } from 'pino';
import pretty from 'pino-pretty';

/** How deep `cause` chains are followed in a logged error. */
const MAX_CAUSES = 3;

/** PostgreSQL's fields that name things (never values): kept, as they say what failed. */
const SQL_FIELDS = [
  'severity',
  'code',
  'schema',
  'table',
  'column',
  'constraint',
  'dataType',
  'routine',
] as const;

/**
 * The one serializer of logged errors (`{ err }`): the type, message, stack and code, and of a database error the
 * fields that name what failed. Everything else an error object carries is dropped: the database drivers attach the
 * SQL text, its parameters (emails, notes, key hashes) and a `detail` that quotes the offending values
 * (`Key (email)=(…) already exists`). A data exception (SQLSTATE class 22) quotes the value it could not take in
 * its message, so its quoted parts are blanked.
 */
export function safeError(err: unknown, depth = 0): Record<string, unknown> {
  if (!(err instanceof Error)) return { type: typeof err };
  const fields = err as unknown as Record<string, unknown>;
  const sqlState = typeof fields.code === 'string' && 'severity' in fields ? fields.code : undefined;
  const scrub = sqlState?.startsWith('22') ? (text: string) => text.replace(/"[^"]*"/g, '"…"') : String;
  const out: Record<string, unknown> = {
    type: err.constructor?.name ?? 'Error',
    message: scrub(err.message),
    stack: err.stack === undefined ? undefined : scrub(err.stack),
  };
  if (typeof fields.code === 'string' || typeof fields.code === 'number') out.code = fields.code;
  if (sqlState !== undefined) {
    for (const name of SQL_FIELDS) if (typeof fields[name] === 'string') out[name] = fields[name];
  }
  if (err.cause !== undefined && depth < MAX_CAUSES) out.cause = safeError(err.cause, depth + 1);
  if (err instanceof AggregateError && depth < MAX_CAUSES) {
    out.errors = err.errors.slice(0, 5).map((e: unknown) => safeError(e, depth + 1));
  }
  return out;
}

/**
 * The server's logger: JSON lines (what log collectors read), errors through safeError, credentials in well-known
 * places redacted. When the output is a terminal a person reads it, as coloured one-line messages with the same
 * fields.
 */
export function createLogger(
  level: string,
  destination: DestinationStream & { isTTY?: boolean } = process.stdout,
): Logger {
  const options = {
    level,
    serializers: { err: (err: unknown) => safeError(err) },
    redact: ['req.headers.authorization', 'password', 'api_key', 'apiKey', 'token'],
  };
  if (destination.isTTY) {
    return pino(
      options,
      pretty({
        destination,
        colorize: true,
        translateTime: 'SYS:HH:MM:ss.l',
        ignore: 'pid,hostname',
        // One line per entry, fields after the message: a request line stays one line.
        singleLine: true,
        sync: true,
      }),
    );
  }
  // pino's own writer to standard output is faster than going through process.stdout.
  return destination === process.stdout ? pino(options) : pino(options, destination);
}
