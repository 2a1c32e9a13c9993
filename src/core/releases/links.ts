import type { ArtifactStore } from '../../storage/types.js';

/**
 * The URL a client is given for an artifact, built when answering from the stored key: public apps link
 * straight to storage; private apps link to `/download?key=…` (FaynoSync's form), which asks for credentials.
 */
export function artifactLink(
  apiUrl: string,
  store: ArtifactStore,
  isPrivate: boolean,
  storageKey: string,
): string {
  return isPrivate ? `${apiUrl}/download?key=${encodeURIComponent(storageKey)}` : store.publicUrl(storageKey);
}
