import { type Expression, expressionBuilder, type SqlBool, sql } from 'kysely';
import type { Db } from '../db/connect.js';
import type {
  AppsTable,
  ArtifactsTable,
  Database,
  FenfaVariantsTable,
  ResourceKind,
  VersionsTable,
} from '../db/schema.js';
import type { Actor } from './auth/actor.js';

/**
 * The one rule that decides what a caller may see of a release, for every face. It is written twice, once as SQL
 * (for reads that filter in the database) and once as plain predicates (for data already in memory); both say:
 *
 * - an app deleted through /v1 (`deleted_at`) shows nothing, to anyone;
 * - a version made inactive through /v1 (`is_active` false) is hidden from everyone;
 * - update clients, feeds, download tokens, unlisted links and public pages (`client`) see published versions only,
 *   of apps Fenfa has not unpublished (`apps.published`), and not the files of a Fenfa variant that is unpublished;
 * - the management face (`manager`: admin, team user, API token) sees unpublished versions too, but a team user only
 *   in its allowed apps and channels, and only the artifacts of its allowed platforms and archs (a version, artifact
 *   with no channel, platform or arch is within every list: it can only exist while the tenant had none);
 * - a /v1 caller (`customer`) sees its entitled apps (the admin key: every app), channel-less versions and those of
 *   the tenant's default channel; with `X-Channel: Test`, every channel. Whether a disabled (unpublished) version is
 *   listed or downloadable is /v1's own question (`enabledFor`), as BinDist shows them by name even so.
 */

/** A team user's allowed ids per kind; a kind left out is not limited. */
export type Limits = Partial<Record<ResourceKind, readonly string[]>>;

export type Viewer =
  | { kind: 'client'; tenantId: string }
  | { kind: 'manager'; tenantId: string; limits: Limits }
  | {
      kind: 'customer';
      tenantId: string;
      /** Undefined for the tenant's admin key, which is entitled to every app. */
      customerId?: string;
      /** See defaultChannelId: the channel /v1 shows beside channel-less versions; null when there is none. */
      defaultChannelId: string | null;
      testChannel: boolean;
    };

export type CustomerViewer = Extract<Viewer, { kind: 'customer' }>;

export function clientViewer(tenantId: string): Viewer {
  return { kind: 'client', tenantId };
}

/** The management face's view for an actor: a team user's allowed lists, an API token's apps; an admin sees all. */
export async function managerViewer(db: Db, actor: Actor): Promise<Extract<Viewer, { kind: 'manager' }>> {
  const limits: Limits = {};
  if (actor.role === 'token') limits.apps = actor.tokenApps ?? [];
  if (actor.role === 'team') {
    const rows = await db
      .selectFrom('user_grants')
      .select(['kind', 'resource_id'])
      .where('tenant_id', '=', actor.tenantId)
      .where('user_id', '=', actor.userId)
      .execute();
    // Every list limits a team user, empty or not, as its writes are limited (and FaynoSync's lists answer nothing
    // for an empty one): a user granted no channel sees channel-less versions only.
    limits.apps = [];
    limits.channels = [];
    limits.platforms = [];
    limits.archs = [];
    for (const row of rows) {
      const list = limits[row.kind] ?? [];
      limits[row.kind] = [...list, row.resource_id];
    }
  }
  return { kind: 'manager', tenantId: actor.tenantId, limits };
}

/**
 * The channel /v1 customers see without `X-Channel: Test`: the one the admin picked (tenant_settings), else the
 * tenant's channel named `stable`, else none (then only channel-less versions).
 */
export async function defaultChannelId(db: Db, tenantId: string): Promise<string | null> {
  const row = await db
    .selectNoFrom((eb) =>
      eb.fn
        .coalesce(
          eb
            .selectFrom('tenant_settings as s')
            .select('s.default_channel_id')
            .where('s.tenant_id', '=', tenantId),
          eb
            .selectFrom('channels as c')
            .select('c.id')
            .where('c.tenant_id', '=', tenantId)
            .where('c.name', '=', 'stable'),
        )
        .as('id'),
    )
    .executeTakeFirst();
  return row?.id ?? null;
}

/** A limit allows an id when the kind is not limited, or the id is null (see the rule above), or it is listed. */
function within(list: readonly string[] | undefined, id: string | null): boolean {
  return list === undefined || id === null || list.includes(id);
}

/** The facts of one version the rule looks at. */
export interface ReleaseFacts {
  appId: string;
  appDeleted: boolean;
  active: boolean;
  published: boolean;
  channelId: string | null;
}

/** Whether the viewer may see this version (app-level entitlement of a customer is checked by the app look-up). */
export function mayView(viewer: Viewer, release: ReleaseFacts): boolean {
  if (release.appDeleted || !release.active) return false;
  switch (viewer.kind) {
    case 'client':
      return release.published;
    case 'manager':
      return within(viewer.limits.apps, release.appId) && within(viewer.limits.channels, release.channelId);
    case 'customer':
      return (
        viewer.testChannel || release.channelId === null || release.channelId === viewer.defaultChannelId
      );
  }
}

/** Whether the viewer may see an artifact of a version it sees: a team user's platforms and archs. */
export function mayViewArtifact(
  viewer: Viewer,
  artifact: { platformId: string | null; archId: string | null },
): boolean {
  if (viewer.kind !== 'manager') return true;
  return within(viewer.limits.platforms, artifact.platformId) && within(viewer.limits.archs, artifact.archId);
}

/** /v1's own switch: a disabled version is listed and downloadable only on the Test channel. */
export function enabledFor(viewer: Viewer, published: boolean): boolean {
  return published || (viewer.kind === 'customer' && viewer.testChannel);
}

/** `column IS NULL OR column IN (list)`, or true when the kind is not limited. */
function withinSql(list: readonly string[] | undefined, column: string): Expression<SqlBool> {
  if (list === undefined) return sql<SqlBool>`true`;
  const ref = sql.ref(column);
  if (list.length === 0) return sql<SqlBool>`${ref} is null`;
  return sql<SqlBool>`(${ref} is null or ${ref} in (${sql.join(list)}))`;
}

/** The apps (`apps as a`) the viewer may see: its tenant's, not deleted, entitled or allowed. */
export function appVisible(viewer: Viewer): Expression<SqlBool> {
  const eb = expressionBuilder<Database & { a: AppsTable }, 'a'>();
  const rules: Expression<SqlBool>[] = [
    eb('a.tenant_id', '=', viewer.tenantId),
    eb('a.deleted_at', 'is', null),
  ];
  if (viewer.kind === 'client') rules.push(eb('a.published', '=', true));
  if (viewer.kind === 'manager' && viewer.limits.apps !== undefined) {
    const apps = viewer.limits.apps;
    rules.push(apps.length > 0 ? eb('a.id', 'in', apps) : eb.lit(false));
  }
  if (viewer.kind === 'customer' && viewer.customerId !== undefined) {
    rules.push(
      eb.exists(
        eb
          .selectFrom('bindist_customer_apps as g')
          .select('g.app_id')
          .whereRef('g.app_id', '=', 'a.id')
          .where('g.tenant_id', '=', viewer.tenantId)
          .where('g.customer_id', '=', viewer.customerId),
      ),
    );
  }
  return eb.and(rules);
}

/**
 * The versions (`versions as v`) the viewer may see: mayView as SQL, with the app rule of appVisible. `inactive`
 * also finds inactive ones, for the one caller that must: the /v1 admin's PATCH, which reactivates them.
 */
export function releaseVisible(viewer: Viewer, options?: { inactive?: boolean }): Expression<SqlBool> {
  const eb = expressionBuilder<Database & { v: VersionsTable }, 'v'>();
  const rules: Expression<SqlBool>[] = [
    eb('v.tenant_id', '=', viewer.tenantId),
    ...(options?.inactive ? [] : [eb('v.is_active', '=', true)]),
    // The subquery's own `a` hides any `a` of the outer query, so this holds whatever the caller joined.
    eb('v.app_id', 'in', eb.selectFrom('apps as a').select('a.id').where(appVisible(viewer))),
  ];
  if (viewer.kind === 'client') rules.push(eb('v.published', '=', true));
  if (viewer.kind === 'manager') rules.push(withinSql(viewer.limits.channels, 'v.channel_id'));
  if (viewer.kind === 'customer' && !viewer.testChannel) {
    const channel = viewer.defaultChannelId;
    rules.push(
      channel === null
        ? eb('v.channel_id', 'is', null)
        : eb.or([eb('v.channel_id', 'is', null), eb('v.channel_id', '=', channel)]),
    );
  }
  return eb.and(rules);
}

/**
 * The Fenfa variant that owns an artifact (`artifacts as ar`), as SQL over `fenfa_variants as fv`: the product's variant
 * of the artifact's platform and arch, else its variant of that platform without an arch (docs/fenfa.md).
 */
export function variantOwnsArtifact(): Expression<SqlBool> {
  const eb = expressionBuilder<
    Database & { ar: ArtifactsTable; fv: FenfaVariantsTable; other: FenfaVariantsTable },
    'ar' | 'fv'
  >();
  return eb.and([
    eb('fv.tenant_id', '=', eb.ref('ar.tenant_id')),
    eb('fv.platform_id', '=', eb.ref('ar.platform_id')),
    eb(
      'fv.app_id',
      '=',
      eb.selectFrom('versions as av').select('av.app_id').whereRef('av.id', '=', 'ar.version_id'),
    ),
    eb.or([
      eb('fv.arch_id', '=', eb.ref('ar.arch_id')),
      eb.and([
        eb('fv.arch_id', 'is', null),
        eb.not(
          eb.exists(
            eb
              .selectFrom('fenfa_variants as other')
              .select('other.id')
              .whereRef('other.app_id', '=', 'fv.app_id')
              .whereRef('other.platform_id', '=', 'fv.platform_id')
              .whereRef('other.arch_id', '=', 'ar.arch_id'),
          ),
        ),
      ]),
    ]),
  ]);
}

/** The artifacts (`artifacts as ar`) the viewer may see of a version it sees: mayViewArtifact as SQL. */
export function artifactVisible(viewer: Viewer): Expression<SqlBool> {
  const eb = expressionBuilder<Database & { ar: ArtifactsTable }, 'ar'>();
  if (viewer.kind === 'client') {
    return eb.not(
      eb.exists(
        eb
          .selectFrom('fenfa_variants as fv')
          .select('fv.id')
          .where('fv.published', '=', false)
          .where(variantOwnsArtifact()),
      ),
    );
  }
  if (viewer.kind !== 'manager') return eb.lit(true);
  return eb.and([
    withinSql(viewer.limits.platforms, 'ar.platform_id'),
    withinSql(viewer.limits.archs, 'ar.arch_id'),
  ]);
}

/**
 * A version a team user sees is listed when it has no artifact at all or one of its artifacts is in its allowed
 * platforms and archs: a release only for platforms the user may not touch is not "in" its lists.
 */
export function releaseWithinArtifacts(viewer: Viewer): Expression<SqlBool> {
  const eb = expressionBuilder<Database & { v: VersionsTable }, 'v'>();
  if (viewer.kind !== 'manager' || (!viewer.limits.platforms && !viewer.limits.archs)) return eb.lit(true);
  const artifacts = () =>
    eb.selectFrom('artifacts as ar').select('ar.id').whereRef('ar.version_id', '=', 'v.id');
  return eb.or([eb.not(eb.exists(artifacts())), eb.exists(artifacts().where(artifactVisible(viewer)))]);
}

/**
 * When /v1 sees several versions of one number (a channel-less one and one per channel), it shows one: the
 * channel-less one (/v1's own uploads), else the default channel's, else (Test only) the first channel by id.
 */
export function preferredRank(viewer: Viewer, channelId: string | null): number {
  if (channelId === null) return 0;
  if (viewer.kind === 'customer' && channelId === viewer.defaultChannelId) return 1;
  return 2;
}
