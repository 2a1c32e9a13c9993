/** PostgreSQL's SQLSTATE of a failed query (both pg and PGlite put it in `code`). */
function sqlState(err: unknown): unknown {
  return typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
}

export const isUniqueViolation = (err: unknown) => sqlState(err) === '23505';
/** A row that started being referenced (or stopped existing) between a check and a write. */
export const isForeignKeyViolation = (err: unknown) => sqlState(err) === '23503';

/** Socket errors of a database server that is down, restarting or out of reach. */
const SOCKET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);

/**
 * SQLSTATEs of a server that cannot serve this connection right now: class 08 (connection exception),
 * admin_shutdown, crash_shutdown, cannot_connect_now (starting up or shutting down), too_many_connections.
 */
const UNAVAILABLE_STATES = new Set(['57P01', '57P02', '57P03', '53300']);

/** What pg (and PGlite once closed) say when the connection itself failed, without a code. */
const UNREACHABLE_MESSAGE =
  /Connection terminated|connection error and is not queryable|Client was closed and is not queryable|timeout exceeded when trying to connect|PGlite is closed/i;

/**
 * Whether a failed query failed because the database could not be reached, rather than because of the query:
 * the request may succeed unchanged once the database is back. Looks into an AggregateError's errors (Node's
 * connect to a name with several addresses) and an error's cause.
 */
export function isDatabaseUnreachable(err: unknown, depth = 0): boolean {
  if (typeof err !== 'object' || err === null || depth > 3) return false;
  const code = sqlState(err);
  if (
    typeof code === 'string' &&
    (code.startsWith('08') || UNAVAILABLE_STATES.has(code) || SOCKET_CODES.has(code))
  )
    return true;
  if (err instanceof Error && UNREACHABLE_MESSAGE.test(err.message)) return true;
  if (err instanceof AggregateError && err.errors.some((e) => isDatabaseUnreachable(e, depth + 1)))
    return true;
  return isDatabaseUnreachable((err as { cause?: unknown }).cause, depth + 1);
}
