import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

/** The console's session: the same JWT `/login` gives scripts, held where page script cannot read it. */
export const SESSION_COOKIE = 'updraft_session';
/** The header a write authenticated by the cookie must carry: a cross-site form or image cannot set it. */
export const CSRF_HEADER = 'x-csrf-token';

/** The CSRF token of a session: derived from it, so nothing is stored and it dies with the session. */
export function csrfToken(session: string, secret: string): string {
  return createHmac('sha256', secret).update(`csrf:${session}`).digest('base64url');
}

export function csrfMatches(session: string, secret: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfToken(session, secret));
  const given = Buffer.from(presented);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

/** A cookie's value, if the request carries it (and it is not empty). */
export function cookieValue(req: IncomingMessage, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return value === '' ? undefined : value;
    }
  }
  return undefined;
}

/** The session cookie's value, if the request carries one. */
export function sessionFromCookie(req: IncomingMessage): string | undefined {
  return cookieValue(req, SESSION_COOKIE);
}

/** Set-Cookie for a new session (or, with no token, one that removes it). Secure whenever the request was HTTPS. */
export function sessionCookieHeader(
  token: string | undefined,
  secure: boolean,
  maxAgeSeconds: number,
): string {
  const attributes = ['Path=/', 'HttpOnly', 'SameSite=Strict', `Max-Age=${token ? maxAgeSeconds : 0}`];
  if (secure) attributes.push('Secure');
  return `${SESSION_COOKIE}=${token ?? ''}; ${attributes.join('; ')}`;
}

/** Methods that change nothing; every other method needs the CSRF header when the cookie authenticates it. */
export function isSafeMethod(method: string | undefined): boolean {
  return method === 'GET' || method === 'HEAD' || method === 'OPTIONS';
}
