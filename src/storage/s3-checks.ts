import type { S3Options } from './s3.js';

/**
 * What start-up says when the S3 service cannot be used: one line naming the variable to fix. Operators meet these
 * on their first `docker compose up`, so each case says what to change rather than what the client library saw.
 */

const TLS_CERT_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

function field(err: unknown, name: string): string | undefined {
  const value = (err as Record<string, unknown> | undefined)?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** `S3_ENDPOINT=minio S3_PORT=9000`, as the operator wrote it. */
function endpointVars(config: S3Options): string {
  return `S3_ENDPOINT=${config.endPoint}${config.port ? ` S3_PORT=${config.port}` : ''}`;
}

function endpointUrl(config: S3Options): string {
  return `${config.useSSL ? 'https' : 'http'}://${config.endPoint}${config.port ? `:${config.port}` : ''}`;
}

/** The bucket a start-up step was about, named by its variable. */
export interface BucketRef {
  variable: 'S3_BUCKET_PUBLIC' | 'S3_BUCKET_PRIVATE';
  name: string;
}

/** Failures to reach the service at all, whatever the request was. */
function networkProblem(err: unknown, config: S3Options): string | undefined {
  const code = field(err, 'code');
  const message = field(err, 'message') ?? String(err);
  const at = `${endpointVars(config)} (${endpointUrl(config)})`;
  if (code === 'ECONNREFUSED') {
    return `nothing accepts connections at ${at}: start the S3 service or fix S3_ENDPOINT and S3_PORT`;
  }
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
    return `the host of S3_ENDPOINT=${config.endPoint} cannot be resolved: fix the host name`;
  }
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH' || code === 'ENETUNREACH') {
    return `${at} cannot be reached (${code}): check S3_ENDPOINT, S3_PORT and the firewall`;
  }
  if (code === 'EPROTO' || code?.startsWith('ERR_SSL') || /wrong version number/i.test(message)) {
    return config.useSSL
      ? `${at} does not speak TLS: set S3_USE_SSL=false, or S3_PORT to the service's TLS port`
      : `${at} failed the connection (${oneLine(message)}): check S3_USE_SSL and S3_PORT`;
  }
  if (code && TLS_CERT_CODES.has(code)) {
    return `the TLS certificate of ${at} is not trusted (${code}): give Node its CA with NODE_EXTRA_CA_CERTS=/path/ca.pem, or fix S3_ENDPOINT`;
  }
  if (code === 'ECONNRESET' || /socket hang up/i.test(message)) {
    return `${at} closed the connection: check S3_PORT and S3_USE_SSL (a plain HTTP port given S3_USE_SSL=true, or the reverse)`;
  }
  return undefined;
}

/** Explains a failed start-up request about `bucket` (checking or creating it) in one line. */
export function describeS3Error(
  err: unknown,
  config: S3Options,
  bucket: BucketRef,
  creating: boolean,
): string {
  const network = networkProblem(err, config);
  if (network) return network;
  const code = field(err, 'code');
  if (!code) {
    // minio found no S3 error code in the answer: something else listens there (a console, a web server).
    return `${endpointVars(config)} (${endpointUrl(config)}) does not answer as an S3 API: check S3_ENDPOINT and S3_PORT (the API's port, not a console's)`;
  }
  const message = oneLine(field(err, 'message') ?? String(err));
  const named = `${bucket.variable}=${bucket.name}`;
  if (code === 'InvalidAccessKeyId' || code === 'SignatureDoesNotMatch') {
    return `S3 refused the credentials (${code}): check S3_ACCESS_KEY and S3_SECRET_KEY`;
  }
  if (code === 'AccessDenied' || code === 'Forbidden' || code === 'AllAccessDisabled') {
    return `S3 refused access to bucket ${named} for S3_ACCESS_KEY=${config.accessKey} (${code}): check S3_ACCESS_KEY and S3_SECRET_KEY, and that this key may ${creating ? 'create the bucket (or create it yourself)' : 'read and write the bucket'}`;
  }
  if (
    code === 'PermanentRedirect' ||
    code === 'MovedPermanently' ||
    code === 'AuthorizationHeaderMalformed' ||
    code === 'IllegalLocationConstraintException'
  ) {
    return `bucket ${named} is in another region than S3_REGION=${config.region} (${code}): set S3_REGION to the bucket's region`;
  }
  if (code === 'BucketAlreadyExists') {
    return `bucket ${named} belongs to another account: choose another name for ${bucket.variable}`;
  }
  if (code === 'InvalidBucketNameError' || code === 'InvalidBucketName') {
    return `${named} is not a valid bucket name (${message}): use 3 to 63 lowercase letters, digits, hyphens and dots`;
  }
  if (creating) {
    return `bucket ${named} does not exist and could not be created (${code}: ${message}): create it (e.g. \`mc mb ALIAS/${bucket.name}\`) or fix ${bucket.variable}; check that ${endpointVars(config)} is an S3 API`;
  }
  return `S3 at ${endpointVars(config)} answered ${code} (${message}) for bucket ${named}: check S3_ENDPOINT, S3_PORT and ${bucket.variable}`;
}

/** One line for a start-up step that took longer than `ms`. */
export function describeS3Timeout(config: S3Options, ms: number): string {
  return `${endpointVars(config)} (${endpointUrl(config)}) did not answer within ${ms / 1000} s: check S3_ENDPOINT, S3_PORT and the firewall`;
}

/** The object the anonymous-read check writes to the public bucket and reads back without credentials. */
export const READ_CHECK_KEY = '_updraft/anonymous-read-check.txt';
export const READ_CHECK_BODY =
  'Updraft reads this object without credentials at start-up, to check that the public bucket allows anonymous reads.\n';

/** How the check's object is reached without credentials: through S3_PUBLIC_URL, then the endpoint itself. */
export function readCheckUrls(config: S3Options, publicUrl: string): string[] {
  const path = READ_CHECK_KEY.split('/').map(encodeURIComponent).join('/');
  const direct = config.pathStyle
    ? `${endpointUrl(config)}/${config.publicBucket}/${path}`
    : `${config.useSSL ? 'https' : 'http'}://${config.publicBucket}.${config.endPoint}${config.port ? `:${config.port}` : ''}/${path}`;
  return direct === publicUrl ? [publicUrl] : [publicUrl, direct];
}

const READ_CHECK_TIMEOUT_MS = 5_000;

/**
 * Reads the check object anonymously; answers a warning line when the public bucket does not serve it. An answer
 * from S3_PUBLIC_URL decides; when that URL cannot be reached from this host (in a compose network,
 * `localhost:9100` is the container itself), the endpoint's answer decides.
 */
export async function anonymousReadWarning(config: S3Options, urls: string[]): Promise<string | undefined> {
  const unreachable: string[] = [];
  for (const url of urls) {
    let status: number;
    let body: string;
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(READ_CHECK_TIMEOUT_MS) });
      status = res.status;
      body = await res.text();
    } catch (err) {
      unreachable.push(`${url}: ${oneLine(field((err as Error).cause, 'code') ?? (err as Error).message)}`);
      continue;
    }
    if (status === 200 && body === READ_CHECK_BODY) return undefined;
    return `public bucket S3_BUCKET_PUBLIC=${config.publicBucket} is not readable without credentials (GET ${url} answered ${status}): public apps' downloads and logos will fail; allow anonymous reads of its objects, e.g. \`mc anonymous set download ALIAS/${config.publicBucket}\`, and check S3_PUBLIC_URL (ignore this if a CDN in front of the bucket holds its own credentials)`;
  }
  return `could not check that the public bucket S3_BUCKET_PUBLIC=${config.publicBucket} is readable without credentials (${unreachable.join('; ')}): check S3_PUBLIC_URL`;
}
