import jwt from 'jsonwebtoken';
import { unauthorized } from '../errors.js';

/** What a session token carries: who, in which tenant, with which role, and which generation of credentials. */
export interface SessionClaims {
  sub: string;
  tid: string;
  role: 'admin' | 'team';
  tv: number;
}

export function signSession(claims: SessionClaims, secret: string, ttlSeconds: number): string {
  return jwt.sign(claims, secret, { algorithm: 'HS256', expiresIn: ttlSeconds });
}

export function verifySession(token: string, secret: string): SessionClaims {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secret, { algorithms: ['HS256'] });
  } catch (err) {
    if (err instanceof jwt.TokenExpiredError) throw unauthorized('token expired: log in again');
    if (err instanceof jwt.NotBeforeError) throw unauthorized('token not active yet');
    throw unauthorized('invalid token: log in again to get a new one');
  }
  if (
    typeof payload !== 'object' ||
    typeof payload.sub !== 'string' ||
    typeof payload.tid !== 'string' ||
    (payload.role !== 'admin' && payload.role !== 'team') ||
    typeof payload.tv !== 'number'
  ) {
    throw unauthorized('invalid token claims: log in again to get a new one');
  }
  return { sub: payload.sub, tid: payload.tid, role: payload.role, tv: payload.tv };
}
