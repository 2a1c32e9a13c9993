import { join } from 'node:path';
import { LocalArtifactStore } from './local.js';
import type { S3Options } from './s3.js';
import type { ArtifactStore } from './types.js';

export { LocalArtifactStore } from './local.js';
export * from './types.js';

/** Which driver, and its settings: local files under `dataDir`, served under `apiUrl`, or S3. */
export interface StorageOptions {
  storageDriver: 'local' | 's3';
  dataDir: string;
  apiUrl: string;
  s3: S3Options | undefined;
}

/**
 * `signingKey` signs the local driver's private URLs; S3 signs its own with the access keys. The S3 driver (and the
 * S3 client library, tens of MB once loaded) is loaded only when it is the configured driver.
 */
export async function createArtifactStore(
  options: StorageOptions,
  signingKey: string,
): Promise<ArtifactStore> {
  if (options.storageDriver === 's3') {
    if (!options.s3) throw new Error('storageDriver is s3 but no s3 options were given');
    const { S3ArtifactStore } = await import('./s3.js');
    return new S3ArtifactStore(options.s3);
  }
  return new LocalArtifactStore({
    root: join(options.dataDir, 'artifacts'),
    baseUrl: options.apiUrl,
    signingKey,
  });
}
