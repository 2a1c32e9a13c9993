import { join } from 'node:path';
import type { Config } from '../config.js';
import { LocalArtifactStore } from './local.js';
import { S3ArtifactStore } from './s3.js';
import type { ArtifactStore } from './types.js';

export { LocalArtifactStore } from './local.js';
export { S3ArtifactStore } from './s3.js';
export * from './types.js';

/** `signingKey` signs the local driver's private URLs; S3 signs its own with the access keys. */
export function createArtifactStore(config: Config, signingKey: string): ArtifactStore {
  if (config.storageDriver === 's3') {
    if (!config.s3)
      throw new Error('storageDriver is s3 but config.s3 is missing: build the config with loadConfig()');
    return new S3ArtifactStore(config.s3);
  }
  return new LocalArtifactStore({
    root: join(config.dataDir, 'artifacts'),
    baseUrl: config.apiUrl,
    signingKey,
  });
}
