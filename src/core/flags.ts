import { invalid } from './errors.js';

/** A boolean from a request: FaynoSync's clients send `true` as well as `"true"`; absent or empty is undefined. */
export function parseFlag(value: unknown, field: string): boolean | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const lower = value.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
  }
  throw invalid(`${field} must be true or false`);
}
