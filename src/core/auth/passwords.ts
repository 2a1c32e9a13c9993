import bcrypt from 'bcrypt';
import { invalid } from '../errors.js';

export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_BYTES = 72; // bcrypt ignores what follows

export function checkPassword(password: unknown, field = 'password'): string {
  if (typeof password !== 'string' || password.length === 0) throw invalid(`${field} is required`);
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw invalid(`${field} must be at least ${MIN_PASSWORD_LENGTH} characters long`);
  }
  if (Buffer.byteLength(password) > MAX_PASSWORD_BYTES) {
    throw invalid(`${field} must be at most ${MAX_PASSWORD_BYTES} bytes long`);
  }
  return password;
}

export function hashPassword(password: string, cost: number): Promise<string> {
  return bcrypt.hash(password, cost);
}

export function verifyPassword(password: string, hash: string): Promise<boolean> {
  return bcrypt.compare(password, hash);
}

let dummyHash: Promise<string> | undefined;
/** Spends the time a real comparison would, so that unknown usernames cannot be told apart by timing. */
export async function burnPasswordCheck(password: string, cost: number): Promise<void> {
  dummyHash ??= bcrypt.hash('updraft-timing-equaliser', cost);
  await bcrypt.compare(password, await dummyHash);
}
