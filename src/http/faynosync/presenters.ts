import type { AppItem } from '../../core/catalog/apps.js';
import type { NamedItem } from '../../core/catalog/named.js';
import type { ArtifactStore } from '../../storage/types.js';

/** FaynoSync answers catalog lists with PascalCase documents; `Owner` is the tenant admin's username. */

export function presentApp(app: AppItem, owner: string, store: ArtifactStore) {
  return {
    ID: app.id,
    AppName: app.name,
    Logo: app.logoKey ? store.publicUrl(app.logoKey) : '',
    Private: app.private,
    Description: app.description,
    Owner: owner,
    Updated_at: app.updatedAt.toISOString(),
  };
}

export function presentChannel(item: NamedItem, owner: string) {
  return { ID: item.id, ChannelName: item.name, Owner: owner, Updated_at: item.updatedAt.toISOString() };
}

export function presentPlatform(item: NamedItem, owner: string) {
  return {
    ID: item.id,
    PlatformName: item.name,
    Updaters: (item.updaters ?? []).map((u) => ({ type: u.type, default: u.default })),
    Owner: owner,
    Updated_at: item.updatedAt.toISOString(),
  };
}

export function presentArch(item: NamedItem, owner: string) {
  return { ID: item.id, ArchID: item.name, Owner: owner, Updated_at: item.updatedAt.toISOString() };
}
