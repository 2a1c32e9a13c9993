/** PostgreSQL's SQLSTATE of a failed query (both pg and PGlite put it in `code`). */
function sqlState(err: unknown): unknown {
  return typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
}

export const isUniqueViolation = (err: unknown) => sqlState(err) === '23505';
/** A row that started being referenced (or stopped existing) between a check and a write. */
export const isForeignKeyViolation = (err: unknown) => sqlState(err) === '23503';
