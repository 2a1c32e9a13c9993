import { invalid } from './errors.js';
import { printable } from './names.js';

export const MAX_VERSION_LENGTH = 64;

/**
 * A release version: one to four numeric components (`1.2`, `1.2.3`, `1.2.3.4`) and an optional semver
 * pre-release (`1.2.3-beta.2`). Build metadata (`+sha`) is not allowed: two versions that differ only
 * in it would compare equal, and a feed could then not tell them apart.
 */
export interface Version {
  /** The normalised text stored and shown. */
  text: string;
  numbers: [number, number, number, number];
  /** Semver pre-release identifiers; empty for a release. */
  pre: (string | number)[];
}

const CORE = /^(0|[1-9]\d{0,8})(?:\.(0|[1-9]\d{0,8})){0,3}$/;
const PRE_ID = /^(?:0|[1-9]\d*|\d*[A-Za-z-][0-9A-Za-z-]*)$/;

/**
 * Parses and normalises a version. FaynoSync writes build numbers as `0.0.2-137` and means `0.0.2.137`
 * (it replaces `-` by `.`): an all-numeric suffix on a version of fewer than four components is read
 * that way, so FaynoSync clients keep their ordering. Anything else after `-` is a semver pre-release.
 */
export function parseVersion(input: unknown, field = 'version'): Version {
  if (typeof input !== 'string' || input.length === 0) throw invalid(`${field} is required`);
  if (input.length > MAX_VERSION_LENGTH) {
    throw invalid(
      `${field} is too long: at most ${MAX_VERSION_LENGTH} characters, e.g. 1.4.2 or 1.4.2-beta.1`,
    );
  }
  const bad = () =>
    invalid(
      `invalid ${field} "${printable(input)}": use 1 to 4 numbers separated by dots, optionally followed by a pre-release such as -beta.1`,
    );
  const dash = input.indexOf('-');
  let core = dash === -1 ? input : input.slice(0, dash);
  let preText = dash === -1 ? undefined : input.slice(dash + 1);
  if (preText && /^\d+(\.\d+)*$/.test(preText) && core.split('.').length + preText.split('.').length <= 4) {
    core = `${core}.${preText}`;
    preText = undefined;
  }
  if (!CORE.test(core)) throw bad();
  const nums = core.split('.').map(Number);
  const pre: (string | number)[] = [];
  if (preText !== undefined) {
    for (const id of preText.split('.')) {
      if (!PRE_ID.test(id)) throw bad();
      pre.push(/^\d+$/.test(id) ? Number(id) : id);
    }
  }
  const text = preText === undefined ? core : `${core}-${preText}`;
  return { text, numbers: [nums[0] ?? 0, nums[1] ?? 0, nums[2] ?? 0, nums[3] ?? 0], pre };
}

/** Orders versions: numbers first (missing components are 0), then a release above its pre-releases. */
export function compareVersions(a: Version, b: Version): number {
  for (let i = 0; i < 4; i++) {
    const d = (a.numbers[i] ?? 0) - (b.numbers[i] ?? 0);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  if (a.pre.length === 0 && b.pre.length === 0) return 0;
  if (a.pre.length === 0) return 1;
  if (b.pre.length === 0) return -1;
  const n = Math.max(a.pre.length, b.pre.length);
  for (let i = 0; i < n; i++) {
    const x = a.pre[i];
    const y = b.pre[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

export function compareVersionText(a: string, b: string): number {
  return compareVersions(parseVersion(a), parseVersion(b));
}
