import { createHash } from 'node:crypto';
import { forbidden, invalid } from '../errors.js';
import { checkName } from '../names.js';
import { MAX_DEVICE_ID_LENGTH } from '../telemetry/recorder.js';
import { parseVersion } from '../version-numbers.js';
import { type BlobDeps, storeDetailsBlob } from './blobs.js';
import { decodeDetails } from './details.js';
import { countDetails, countReport, type ReportDimensions } from './groups.js';
import { checkIngestLimits } from './rate-limits.js';
import type { ReportKeyOwner } from './report-keys.js';

/** FaynoSync's event types; a new one needs a server change by design (reasons are open, by pattern). */
export const EVENT_TYPES = [
  'crash',
  'startup_failure',
  'update_failure',
  'install_failure',
  'rollback_failure',
];
const REASON = /^[a-zA-Z0-9._-]{1,128}$/;

/** Crash and event reports (FaynoSync's REPORTS_* settings); the per-app `reports` flag is the switch. */
export interface ReportsOptions {
  /** REPORTS_ENABLED=false turns the whole feature off (its routes answer 404). */
  enabled: boolean;
  maxBodyBytes: number;
  maxDetailsCompressedBytes: number;
  maxDetailsDecompressedBytes: number;
  perKeyPerMinute: number;
  blobRetentionDays: number;
  maxBlobsPerGroup: number;
}

export interface IngestDeps extends BlobDeps {
  config: { reports: ReportsOptions };
}

export interface IngestResult {
  groupHash: string;
  storedDetails: boolean;
}

/** FaynoSync's grouping: SHA-256 (hex) of name|version|channel|platform|arch|type|reason as sent. */
export function groupHashOf(dims: ReportDimensions): string {
  const parts = [dims.appName, dims.version, dims.channel, dims.platform, dims.arch, dims.type, dims.reason];
  return createHash('sha256').update(parts.join('|')).digest('hex');
}

/** X-Device-ID, required on ingest (it drives the per-device limit). */
export function parseDeviceId(value: string | undefined): string {
  const id = value?.trim() ?? '';
  if (id === '') throw invalid('missing X-Device-ID: send a stable, anonymous id of the installation');
  if (id.length > MAX_DEVICE_ID_LENGTH) {
    throw invalid(`X-Device-ID must be at most ${MAX_DEVICE_ID_LENGTH} characters`);
  }
  return id;
}

function section(body: Record<string, unknown>, name: string, example: string): Record<string, unknown> {
  const value = body[name];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalid(`missing ${name}: send ${example}`);
  }
  return value as Record<string, unknown>;
}

function text(part: Record<string, unknown>, section: string, field: string): string {
  const value = part[field];
  if (value === undefined || value === null || value === '') throw invalid(`missing ${section}.${field}`);
  if (typeof value !== 'string') throw invalid(`${section}.${field} must be a string`);
  return value;
}

/** Validates FaynoSync's ingest body; the details, if any, are checked later (after the event is counted). */
export function parseReport(body: unknown): { dims: ReportDimensions; details: unknown } {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalid('invalid request body: send a JSON object {"application":…,"system":…,"event":…}');
  }
  const root = body as Record<string, unknown>;
  const application = section(root, 'application', '{"name","version","channel"}');
  const system = section(root, 'system', '{"platform","arch"}');
  const event = section(root, 'event', '{"type","reason"}');
  const dims: ReportDimensions = {
    appName: text(application, 'application', 'name'),
    version: text(application, 'application', 'version'),
    channel: text(application, 'application', 'channel'),
    platform: text(system, 'system', 'platform'),
    arch: text(system, 'system', 'arch'),
    type: text(event, 'event', 'type'),
    reason: text(event, 'event', 'reason'),
  };
  checkName(dims.appName, 'application.name');
  parseVersion(dims.version, 'application.version');
  checkName(dims.channel, 'application.channel');
  checkName(dims.platform, 'system.platform');
  checkName(dims.arch, 'system.arch');
  if (!EVENT_TYPES.includes(dims.type))
    throw invalid(`invalid event.type: use one of ${EVENT_TYPES.join(', ')}`);
  if (!REASON.test(dims.reason)) {
    throw invalid("invalid event.reason: 1 to 128 letters, digits, '.', '_' or '-', e.g. segfault.signal-11");
  }
  return { dims, details: root.details ?? undefined };
}

/**
 * `POST /reports/ingest` after the key and device id are known, in FaynoSync's order: validate, check the app,
 * rate-limit, count the event, then check and store the details. Details that fail their checks are refused (4xx)
 * but the event stays counted, as `details_rejected`, exactly as FaynoSync does.
 */
export async function ingestReport(
  deps: IngestDeps,
  owner: ReportKeyOwner,
  deviceId: string,
  body: unknown,
): Promise<IngestResult> {
  const { db } = deps.database;
  const config = deps.config.reports;
  const { dims, details } = parseReport(body);
  if (dims.appName !== owner.appName) {
    throw forbidden(
      'report key does not belong to this application: use the key of the app named in application.name',
    );
  }
  const groupHash = groupHashOf(dims);
  await checkIngestLimits(
    db,
    { keyId: owner.keyId, appId: owner.appId, groupHash, deviceId },
    config.perKeyPerMinute,
  );
  const groupId = await countReport(db, owner, groupHash, dims);
  if (details === undefined) return { groupHash, storedDetails: false };
  let decoded: Awaited<ReturnType<typeof decodeDetails>>;
  try {
    decoded = await decodeDetails(details, {
      maxCompressedBytes: config.maxDetailsCompressedBytes,
      maxDecompressedBytes: config.maxDetailsDecompressedBytes,
    });
  } catch (err) {
    await countDetails(db, groupId, false);
    throw err;
  }
  const stored = await storeDetailsBlob(
    deps,
    { tenantId: owner.tenantId, appId: owner.appId, groupId, groupHash },
    decoded,
    { retentionDays: config.blobRetentionDays, maxPerGroup: config.maxBlobsPerGroup },
  );
  await countDetails(db, groupId, stored);
  return { groupHash, storedDetails: stored };
}
