import { Readable } from 'node:stream';
import type { Actor } from '../auth/actor.js';
import { type LogoUpload, putLogo, removeLogo } from '../catalog/logo.js';
import { invalid, notFound } from '../errors.js';
import { recordFenfaEvent } from '../fenfa/events.js';
import { productId, releaseId } from '../fenfa/ids.js';
import { checkPackage } from '../fenfa/packages.js';
import { findVariant, type VariantRow } from '../fenfa/products.js';
import { insertProfile } from '../fenfa/profiles.js';
import { newId } from '../ids.js';
import { checkName } from '../names.js';
import type { ProvisioningProfile } from '../packages/provisioning-profile.js';
import { requirePermission } from '../permissions.js';
import type { ReleaseDeps, ReleaseFiles } from '../releases/upload.js';
import { parseVersion } from '../version-numbers.js';
import { applyRetention } from './apply-retention.js';
import { ReleaseWrite } from './release-write.js';

export interface FenfaUploadInput {
  variant_id: string;
  version?: string | undefined;
  build?: number | undefined;
  channel?: string | undefined;
  min_os?: string | undefined;
  changelog?: string | undefined;
  /** A data URL (or bare base64) of a PNG, JPEG, GIF or WebP image: the product's new icon. */
  icon_base64?: string | undefined;
}

/** What a smart upload read from the package, stored with the release in the same transaction. */
export interface PackageFacts {
  /** The bundle id or package name the release installs as (never a form field's). */
  bundleId: string;
  profile?: ProvisioningProfile | undefined;
  /** The package's icon as a data URL: the product's icon when it has none yet. */
  icon?: string | undefined;
}

export interface FenfaUploaded {
  variant: VariantRow;
  /** The release's bundle id: the package's when it was read, else the variant's identifier. */
  bundleId: string;
  product: { id: string; name: string; slug: string };
  release: { id: string; version: string; build: number | null; created_at: Date };
}

/** The feeds' minimum-OS field takes dotted numbers; Fenfa's free text stays on the release only. */
const DOTTED = /^\d{1,9}(\.\d{1,9}){0,3}$/;

function iconUpload(value: string): LogoUpload {
  const match = /^data:([\w.+-]+\/[\w.+-]+);base64,(.*)$/s.exec(value.trim());
  const contentType = match?.[1] ?? 'image/png';
  const bytes = Buffer.from(match?.[2] ?? value, 'base64');
  if (bytes.length === 0) throw invalid('icon_base64 is not base64 image data');
  return { fileName: 'icon', contentType, stream: Readable.from([bytes]) };
}

/** The channel a Fenfa upload names, in the tenant's catalog (created when missing); none for an empty one. */
async function channelFor(
  deps: ReleaseDeps,
  tenantId: string,
  name: string | undefined,
): Promise<string | null> {
  if (name === undefined || name.trim() === '') return null;
  const channel = checkName(name.trim(), 'channel');
  const { db } = deps.database;
  await db
    .insertInto('channels')
    .values({ id: newId(), tenant_id: tenantId, name: channel })
    .onConflict((oc) => oc.columns(['tenant_id', 'name']).doNothing())
    .execute();
  const row = await db
    .selectFrom('channels')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where('name', '=', channel)
    .executeTakeFirstOrThrow();
  return row.id;
}

/**
 * Fenfa's `POST /upload` after its form was read: the package in `files` (streamed to a temporary key, hashed) is
 * checked against the variant's platform (extension, ZIP magic in `head`), then committed through the one release
 * pipeline as a published version of the product on the variant's platform and arch, with Fenfa's details and an
 * `upload` event in the same transaction. With `facts` (a smart upload), the package's bundle id and profile are
 * stored with the release, an empty variant identifier takes the bundle id, and the package's icon becomes the
 * product's when it has none. The caller removes the staged file when this throws.
 */
export async function uploadFenfaRelease(
  deps: ReleaseDeps,
  actor: Actor,
  input: FenfaUploadInput,
  files: ReleaseFiles,
  head: Buffer,
  origin: { ip: string | null; ua: string | null },
  facts?: PackageFacts,
): Promise<FenfaUploaded> {
  requirePermission(actor, 'apps', 'upload');
  const { db } = deps.database;
  const staged = files.staged[0];
  if (!staged) throw invalid('app_file is required: send the package as the "app_file" form field');
  const variant = await findVariant(db, actor.tenantId, input.variant_id);
  if (!variant) throw notFound(`variant ${input.variant_id} not found`);
  checkPackage(variant.platform, staged.fileName, head);
  if (input.version === undefined) throw invalid('version is required, e.g. 1.4.2');
  const version = parseVersion(input.version);
  const app = await db
    .selectFrom('apps')
    .select(['id', 'name', 'private', 'slug', 'display_name', 'logo_key'])
    .where('tenant_id', '=', actor.tenantId)
    .where('id', '=', variant.appId)
    .executeTakeFirstOrThrow();
  const channelId = await channelFor(deps, actor.tenantId, input.channel);
  const minOs = input.min_os || variant.min_os || null;
  const write = new ReleaseWrite(
    deps,
    {
      tenantId: actor.tenantId,
      app: { id: app.id, name: app.name, private: app.private },
      version: version.text,
      channelId,
      platformId: variant.platformId,
      archId: variant.archId,
      changes: {
        published: true,
        ...(input.changelog ? { changelog: input.changelog } : {}),
        ...(minOs && DOTTED.test(minOs) ? { min_system_version: minOs } : {}),
      },
      signature: null,
      target: { create: true },
      filesRequired: true,
    },
    files,
  );
  await write.adoptStaged();
  // A sent icon replaces the product's; the package's only fills an empty one (checked again in the transaction).
  const fillsEmptyIcon = !input.icon_base64 && !app.logo_key && facts?.icon !== undefined;
  const iconSource = input.icon_base64 ?? (fillsEmptyIcon ? facts?.icon : undefined);
  const icon = iconSource
    ? await putLogo(deps.store, actor.tenantId, app.id, iconUpload(iconSource))
    : undefined;
  let iconTaken = false;
  let release: { id: string; created_at: Date } | undefined;
  try {
    await write.commit(async (trx, versionId) => {
      release = await trx
        .selectFrom('artifacts')
        .select(['id', 'created_at'])
        .where('tenant_id', '=', actor.tenantId)
        .where('version_id', '=', versionId)
        .where('platform_id', '=', variant.platformId)
        .where('arch_id', variant.archId === null ? 'is' : '=', variant.archId)
        .where('file_name', '=', staged.fileName)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto('fenfa_releases')
        .values({
          artifact_id: release.id,
          tenant_id: actor.tenantId,
          build: input.build ?? null,
          min_os: minOs,
          bundle_id: facts?.bundleId ?? null,
        })
        .execute();
      if (facts?.profile) await insertProfile(trx, actor.tenantId, release.id, facts.profile);
      if (facts) {
        await trx
          .updateTable('fenfa_variants')
          .set({ identifier: facts.bundleId })
          .where('id', '=', variant.id)
          .where('identifier', '=', '')
          .execute();
      }
      if (icon) {
        let update = trx.updateTable('apps').set({ logo_key: icon }).where('id', '=', app.id);
        if (fillsEmptyIcon) update = update.where('logo_key', 'is', null);
        const { numUpdatedRows } = await update.executeTakeFirst();
        iconTaken = numUpdatedRows > 0n;
      }
      await recordFenfaEvent(trx, {
        tenantId: actor.tenantId,
        type: 'upload',
        productId: productId(app.id),
        variantId: variant.id,
        releaseId: releaseId(release.id),
        ...origin,
      });
    });
  } catch (err) {
    if (icon) await removeLogo(deps.store, deps.logger, icon);
    throw err;
  }
  if (icon && !iconTaken) await removeLogo(deps.store, deps.logger, icon);
  if (iconTaken && app.logo_key) await removeLogo(deps.store, deps.logger, app.logo_key);
  if (!release) throw new Error('the upload committed without its artifact');
  // The upload is done whatever the policy does; what it failed to delete the hourly pass deletes.
  await applyRetention(deps, actor.tenantId, variant.id).catch((err: unknown) =>
    deps.logger.warn({ err, variant: variant.id }, 'Fenfa retention after an upload failed'),
  );
  return {
    variant,
    bundleId: facts?.bundleId ?? variant.identifier,
    product: { id: productId(app.id), name: app.display_name ?? app.name, slug: app.slug ?? app.name },
    release: {
      id: releaseId(release.id),
      version: version.text,
      build: input.build ?? null,
      created_at: release.created_at,
    },
  };
}
