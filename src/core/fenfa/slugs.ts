import { type Expression, expressionBuilder, type SqlBool } from 'kysely';
import type { Db } from '../../db/connect.js';
import type { AppsTable, Database } from '../../db/schema.js';
import { invalid } from '../errors.js';

export const MAX_SLUG_LENGTH = 100;

/** Fenfa's slug rule: lower-case Unicode letters and digits, every other run of characters one dash. */
export function slugify(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG_LENGTH)
    .replace(/-+$/, '');
}

/**
 * The apps (`apps as a`) whose product slug is `slug`: an app made by another face has no slug of its own, and its
 * name stands in for it (docs/fenfa.md).
 */
export function slugIs(slug: string): Expression<SqlBool> {
  const eb = expressionBuilder<Database & { a: AppsTable }, 'a'>();
  return eb.or([eb('a.slug', '=', slug), eb.and([eb('a.slug', 'is', null), eb('a.name', '=', slug)])]);
}

async function slugTaken(db: Db, tenantId: string, slug: string, exceptAppId?: string): Promise<boolean> {
  let query = db
    .selectFrom('apps as a')
    .select('a.id')
    .where('a.tenant_id', '=', tenantId)
    .where(slugIs(slug));
  if (exceptAppId !== undefined) query = query.where('a.id', '!=', exceptAppId);
  return (await query.executeTakeFirst()) !== undefined;
}

/** A free slug for a new product: the one asked for (or the name's), then `-2`, `-3`, … as Fenfa does. */
export async function freeSlug(db: Db, tenantId: string, wanted: string): Promise<string> {
  const base = slugify(wanted) || 'product';
  if (!(await slugTaken(db, tenantId, base))) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base.slice(0, MAX_SLUG_LENGTH - String(n).length - 1)}-${n}`;
    if (!(await slugTaken(db, tenantId, candidate))) return candidate;
  }
}

/** A slug an update sets: slugified, and refused with Fenfa's 400 when another product has it. */
export async function checkNewSlug(db: Db, tenantId: string, appId: string, wanted: string): Promise<string> {
  const slug = slugify(wanted);
  if (slug === '') throw invalid('slug must contain letters or digits');
  if (await slugTaken(db, tenantId, slug, appId))
    throw invalid(`slug "${slug}" is already used by another product`);
  return slug;
}
