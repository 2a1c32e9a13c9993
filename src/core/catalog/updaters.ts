import type { UpdaterEntry } from '../../db/schema.js';
import { invalid } from '../errors.js';
import { printable } from '../names.js';

/** FaynoSync's updater types, in its order: its error message lists them exactly like this. */
export const UPDATER_TYPES = [
  'manual',
  'squirrel_darwin',
  'squirrel_windows',
  'sparkle',
  'electron-builder',
  'tauri',
  'velopack',
] as const;

export type UpdaterType = (typeof UPDATER_TYPES)[number];

const KNOWN = new Set<string>(UPDATER_TYPES);

export const DEFAULT_UPDATERS: UpdaterEntry[] = [{ type: 'manual', default: true }];

const SHAPE = 'updaters must be a list of {"type": "...", "default": true|false}';

/**
 * Validates a platform's updaters. On create an omitted or empty list means FaynoSync's default (manual); an update
 * must say what it wants, because it replaces the list.
 */
export function parseUpdaters(value: unknown, mode: 'create' | 'update'): UpdaterEntry[] {
  const omitted = value === undefined || value === null || (Array.isArray(value) && value.length === 0);
  if (omitted) {
    if (mode === 'update') throw invalid('at least one updater is required');
    return DEFAULT_UPDATERS.map((u) => ({ ...u }));
  }
  if (!Array.isArray(value)) throw invalid(SHAPE);
  const seen = new Set<string>();
  const entries = value.map((item: unknown): UpdaterEntry => {
    if (typeof item !== 'object' || item === null || Array.isArray(item)) throw invalid(SHAPE);
    const { type, default: isDefault } = item as Record<string, unknown>;
    if (typeof type !== 'string') throw invalid(`${SHAPE}: "type" must be a string`);
    if (!KNOWN.has(type)) {
      throw invalid(
        `invalid updater type: ${printable(type)}. Valid types are: [${UPDATER_TYPES.join(' ')}]`,
      );
    }
    if (seen.has(type)) throw invalid(`duplicate updater type: ${type}`);
    seen.add(type);
    if (isDefault !== undefined && typeof isDefault !== 'boolean') {
      throw invalid(`${SHAPE}: "default" of updater ${type} must be true or false`);
    }
    return { type, default: isDefault === true };
  });
  if (entries.filter((e) => e.default).length !== 1)
    throw invalid('exactly one updater must be set as default');
  return entries;
}
