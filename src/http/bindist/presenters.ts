import type { BindistApp } from '../../core/bindist/catalog.js';
import type { BindistFile, BindistVersion } from '../../core/bindist/releases.js';

/**
 * The JSON shapes of BinDist's objects. Times are Date objects here and ISO-8601 UTC on the wire (never "":
 * the Go SDK cannot parse an empty time); internal ids and storage keys never leave the server.
 */

export function presentApp(app: BindistApp) {
  return {
    applicationId: app.applicationId,
    name: app.name,
    description: app.description,
    isActive: app.isActive,
    tags: app.tags,
    createdAt: app.createdAt,
    updatedAt: app.updatedAt,
  };
}

export function presentVersion(app: BindistApp, version: BindistVersion) {
  return {
    versionId: `${app.applicationId}-${version.version}`,
    applicationId: app.applicationId,
    version: version.version,
    releaseNotes: version.releaseNotes,
    isActive: version.isActive,
    isEnabled: version.isEnabled,
    requiredTier: version.minTier,
    fileSize: version.fileSize,
    checksum: version.checksum,
    downloadCount: version.downloadCount,
    createdAt: version.createdAt,
    updatedAt: version.updatedAt,
  };
}

export function presentFile(file: BindistFile) {
  return {
    fileId: file.fileId,
    fileName: file.fileName,
    fileType: file.fileType,
    fileSize: file.fileSize,
    checksum: file.checksum,
    checksumAlgorithm: 'sha256',
    order: file.order,
    description: file.description,
  };
}
