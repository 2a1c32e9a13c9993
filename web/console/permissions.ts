import type { Me, Permissions } from './api';

/** Whether the signed-in user may do an action: the console hides what the API would refuse. */
export function can(
  me: Me,
  kind: keyof Permissions,
  action: 'Create' | 'Delete' | 'Edit' | 'Upload' | 'Download',
): boolean {
  if (me.is_admin) return true;
  const section = me.permissions?.[kind] as Record<string, unknown> | undefined;
  return section?.[action] === true;
}

export function ownerOf(me: Me): string {
  return me.owner ?? me.username;
}
