import { invalid } from './errors.js';

export const MAX_NAME_LENGTH = 100;
// Names end up in object keys, feed URLs and file names: letters, digits, space, dot, dash, underscore.
const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9 ._-]*[A-Za-z0-9_])?$/;

/** Validates a catalog name (app, channel, platform, arch) and says how to fix a bad one. */
export function checkName(value: unknown, field: string): string {
  if (value === undefined || value === null || value === '') throw invalid(`${field} is required`);
  if (typeof value !== 'string') throw invalid(`${field} must be a string`);
  if (value.length > MAX_NAME_LENGTH)
    throw invalid(`${field} must be at most ${MAX_NAME_LENGTH} characters long`);
  if (!NAME.test(value) || value.includes('..')) {
    throw invalid(
      `invalid ${field} "${printable(value)}": use letters, digits, spaces, '.', '-' and '_', starting and ending with a letter or digit`,
    );
  }
  return value;
}

/** Whether a parameter is a name the catalog could hold (checkName's rule), without its message. */
export function isCatalogName(value: string): boolean {
  try {
    checkName(value, 'name');
    return true;
  } catch {
    return false;
  }
}

/** Echoes user input in an error message without control characters. */
export function printable(value: string): string {
  const cut = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping them is the point
  return cut.replace(/[\u0000-\u001f\u007f]/g, '?');
}
