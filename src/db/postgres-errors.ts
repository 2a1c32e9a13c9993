/**
 * What start-up says when DATABASE_URL cannot be used: one line naming the variable and the fix, with the password
 * left out of the URL it shows.
 */

function field(err: unknown, name: string): string | undefined {
  const value = (err as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** DATABASE_URL as it may be printed: without its password. */
export function redactDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres://…';
  }
}

interface Target {
  host: string;
  port: string;
  user: string;
  database: string;
}

/** The parts of DATABASE_URL the messages name, with pg's defaults for the parts left out. */
function target(url: string): Target {
  try {
    const u = new URL(url);
    const user = decodeURIComponent(u.username) || process.env.PGUSER || process.env.USER || 'postgres';
    return {
      host: u.hostname || 'localhost',
      port: u.port || '5432',
      user,
      database: decodeURIComponent(u.pathname.replace(/^\//, '')) || user,
    };
  } catch {
    return { host: '?', port: '?', user: '?', database: '?' };
  }
}

/** Explains why PostgreSQL at DATABASE_URL could not be used, or undefined for an error that is not about that. */
export function describePostgresError(err: unknown, url: string): string | undefined {
  const code = field(err, 'code');
  const message = (field(err, 'message') ?? String(err)).replace(/\s+/g, ' ').trim();
  const t = target(url);
  const shown = `DATABASE_URL=${redactDatabaseUrl(url)}`;
  const at = `${t.host}:${t.port}`;
  switch (code) {
    case '3D000':
      return `database "${t.database}" does not exist on ${at} (${shown}): create it, e.g. \`createdb -h ${t.host} -p ${t.port} -U ${t.user} ${t.database}\`, or fix the name in DATABASE_URL`;
    case '28P01':
      return `PostgreSQL at ${at} refused the password of user "${t.user}" (${shown}): fix the user and password in DATABASE_URL`;
    case '28000':
      return `PostgreSQL at ${at} refused user "${t.user}": ${message} (${shown}): fix the user in DATABASE_URL, or allow it in the server's pg_hba.conf`;
    case 'ECONNREFUSED':
      return `nothing accepts connections at ${at} (${shown}): start PostgreSQL there, or fix the host and port in DATABASE_URL`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `the host "${t.host}" in DATABASE_URL cannot be resolved (${shown}): fix the host name`;
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `PostgreSQL at ${at} cannot be reached (${code}, ${shown}): check the host, the port and the firewall`;
    case '53300':
    case '57P03':
      return `PostgreSQL at ${at} does not accept connections now (${message}, ${shown}): try again, or raise max_connections`;
    case '42501':
      return `user "${t.user}" may not create the tables in database "${t.database}" (${message}, ${shown}): run \`GRANT CREATE ON SCHEMA public TO ${t.user}\` as the database owner, or connect as the owner`;
  }
  if (/timeout/i.test(message) && /connect/i.test(message)) {
    return `PostgreSQL at ${at} did not answer in time (${shown}): check the host, the port and the firewall`;
  }
  if (/does not support SSL/i.test(message)) {
    return `DATABASE_URL asks for TLS but PostgreSQL at ${at} does not offer it (${shown}): remove sslmode from DATABASE_URL, or enable ssl on the server`;
  }
  if (code && /CERT|SELF_SIGNED|UNABLE_TO_VERIFY/.test(code)) {
    return `the TLS certificate of PostgreSQL at ${at} is not trusted (${code}, ${shown}): give Node its CA with NODE_EXTRA_CA_CERTS=/path/ca.pem, or set sslmode=no-verify in DATABASE_URL`;
  }
  if (/terminated unexpectedly|ECONNRESET/i.test(message) || code === 'ECONNRESET') {
    return `${at} closed the connection (${shown}): check that DATABASE_URL points at PostgreSQL's port`;
  }
  return undefined;
}
