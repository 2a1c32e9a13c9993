import { join } from 'node:path';
import type { Config } from '../config.js';
import { LocalArtifactStore } from './local.js';
import type { ArtifactStore } from './types.js';

export { LocalArtifactStore } from './local.js';
export * from './types.js';

/**
 * `signingKey` signs the local driver's private URLs; S3 signs its own with the access keys. The S3 driver (and the
 * S3 client library, tens of MB once loaded) is loaded only when it is the configured driver.
 */
export async function createArtifactStore(config: Config, signingKey: string): Promise<ArtifactStore> {
  if (config.storageDriver === 's3') {
    if (!config.s3)
      throw new Error('storageDriver is s3 but config.s3 is missing: build the config with loadConfig()');
    const { S3ArtifactStore } = await import('./s3.js');
    return new S3ArtifactStore(config.s3);
  }
  return new LocalArtifactStore({
    root: join(config.dataDir, 'artifacts'),
    baseUrl: config.apiUrl,
    signingKey,
  });
}
