import type { Db } from '../../db/connect.js';

/** A tenant's Fenfa settings (stored in tenant_settings); Apple's private key is never read out. */
export interface FenfaSettings {
  primary_domain: string;
  secondary_domains: string[];
  organization: string;
  apple_key_id: string | null;
  apple_issuer_id: string | null;
  apple_team_id: string | null;
  apple_configured: boolean;
  updated_at: Date | null;
}

export async function readFenfaSettings(db: Db, tenantId: string): Promise<FenfaSettings> {
  const row = await db
    .selectFrom('tenant_settings')
    .select([
      'primary_domain',
      'secondary_domains',
      'organization',
      'apple_key_id',
      'apple_issuer_id',
      'apple_team_id',
      'apple_private_key_sealed',
      'updated_at',
    ])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirst();
  const { apple_private_key_sealed: sealed, ...rest } = row ?? {
    primary_domain: '',
    secondary_domains: [],
    organization: '',
    apple_key_id: null,
    apple_issuer_id: null,
    apple_team_id: null,
    apple_private_key_sealed: null,
    updated_at: null,
  };
  return {
    ...rest,
    apple_configured: Boolean(sealed && rest.apple_key_id && rest.apple_issuer_id),
  };
}

/** How the request reached us: its host and whether it came over https (directly or per X-Forwarded-Proto). */
export interface RequestOrigin {
  host: string;
  https: boolean;
}

/** A configured domain as a base URL; '' or a localhost one falls back to the request's own origin (Fenfa's rule). */
function base(configured: string | undefined, origin: RequestOrigin): string {
  const own = `${origin.https ? 'https' : 'http'}://${origin.host}`;
  const value = (configured ?? '').trim().replace(/\/+$/, '');
  if (value === '') return own;
  const withScheme = /^https?:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return own;
  }
  if (url.hostname === 'localhost' || url.hostname === '127.0.0.1') return own;
  return origin.https && withScheme.toLowerCase().startsWith('http://')
    ? `https://${withScheme.slice('http://'.length)}`
    : withScheme;
}

/** Where pages and manifests live (the primary domain) and where files are downloaded from (the first CDN domain). */
export interface FenfaBases {
  page: string;
  download: string;
}

export function fenfaBases(
  settings: Pick<FenfaSettings, 'primary_domain' | 'secondary_domains'>,
  origin: RequestOrigin,
): FenfaBases {
  const page = base(settings.primary_domain, origin);
  const cdn = settings.secondary_domains[0];
  return { page, download: cdn ? base(cdn, origin) : page };
}

/** The links Fenfa gives for a release (`actions` in product JSON, `urls` in the upload answer). */
export function releaseActions(
  bases: FenfaBases,
  release: { id: string; platform: string; productSlug: string },
): { download: string; release_page: string; ios_manifest?: string; ios_install?: string } {
  const download = `${bases.download}/d/${release.id}`;
  const release_page = `${bases.page}/products/${encodeURIComponent(release.productSlug)}?release=${release.id}`;
  if (release.platform !== 'ios') return { download, release_page };
  const manifest = `${bases.page}/ios/${release.id}/manifest.plist`;
  return {
    download,
    release_page,
    ios_manifest: manifest,
    ios_install: `itms-services://?action=download-manifest&url=${encodeURIComponent(manifest)}`,
  };
}
