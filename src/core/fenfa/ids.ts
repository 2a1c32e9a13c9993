import { randomBytes } from 'node:crypto';
import { isId } from '../ids.js';

/**
 * Fenfa's prefixed ids over the one model (docs/fenfa.md): a product id is `prd_` and its app's id, a release id
 * `rel_` and its artifact's id, so a file uploaded through any face has a Fenfa id without a second row. Variants
 * tokens, iOS devices and their bindings exist only here and are stored with their prefix.
 */
export const PREFIX = {
  product: 'prd_',
  variant: 'var_',
  release: 'rel_',
  token: 'tok_',
  device: 'dev_',
  binding: 'bind_',
} as const;

export const productId = (appId: string) => `${PREFIX.product}${appId}`;
export const releaseId = (artifactId: string) => `${PREFIX.release}${artifactId}`;

/** The app or artifact id inside a product or release id; undefined when the text is no such id. */
export function unprefix(kind: 'product' | 'release', value: string): string | undefined {
  const prefix = PREFIX[kind];
  if (!value.startsWith(prefix)) return undefined;
  const id = value.slice(prefix.length);
  return isId(id) ? id : undefined;
}

/** A new id of a row that exists only in the Fenfa face, Fenfa's shape: the prefix and random hex. */
export function newPrefixedId(kind: 'variant' | 'token' | 'device' | 'binding'): string {
  return `${PREFIX[kind]}${randomBytes(12).toString('hex')}`;
}
