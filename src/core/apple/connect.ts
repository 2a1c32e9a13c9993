import { createPrivateKey, type KeyObject } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { APPLE_API_URL } from '../../config.js';
import { DomainError, type ErrorKind, invalid } from '../errors.js';

const AUDIENCE = 'appstoreconnect-v1';
/** Apple refuses a token that lives longer than 20 minutes. */
const TOKEN_LIFETIME_SECONDS = 20 * 60;
/** A token is renewed this long before it expires, so a request in flight never carries an expired one. */
const TOKEN_RENEW_MARGIN_SECONDS = 60;
/** The largest page Apple serves for devices. */
const PAGE_LIMIT = 200;
/** A team holds at most a few hundred devices; more pages than this means a `next` link that loops. */
const MAX_PAGES = 50;

/** An App Store Connect API key: its id, the issuer (team) id and the .p8 file's PEM text. */
export interface AppleCredentials {
  keyId: string;
  issuerId: string;
  privateKey: string;
}

export interface AppleClientOptions {
  credentials: AppleCredentials;
  baseUrl?: string;
  /** How often a 429 is retried before the client gives up (default 3). */
  maxRateLimitRetries?: number;
  /** A Retry-After longer than this (seconds) is not waited for: the rate limit error is returned at once. */
  maxRetryDelaySeconds?: number;
  /** How long one request may take, answer included (default 30 s). */
  timeoutMs?: number;
  /** Milliseconds since the epoch; injected so tests control token lifetimes. */
  now?: () => number;
  /** Waits between retries; injected so tests do not wait. */
  sleep?: (ms: number) => Promise<void>;
}

export type ApplePlatform = 'IOS' | 'MAC_OS';

/** A device as App Store Connect returns it (JSON:API resource), passed through unchanged. */
export interface AppleDevice {
  type: 'devices';
  id: string;
  attributes: {
    name: string;
    udid: string;
    platform: string;
    status?: string;
    deviceClass?: string;
    model?: string | null;
    addedDate?: string;
  };
}

/** One error object of Apple's `{errors:[…]}` body. */
export interface AppleErrorEntry {
  status?: string;
  code?: string;
  title?: string;
  detail?: string;
}

/**
 * A failed call to App Store Connect. `status` is Apple's HTTP status (0 when Apple could not be reached) and `code`
 * Apple's error code (`ENTITY_ERROR.ATTRIBUTE.INVALID`, `NOT_AUTHORIZED`, `RATE_LIMIT_EXCEEDED`, …), so a face can
 * answer with its own code while the message already says what to do.
 */
export class AppleApiError extends DomainError {
  constructor(
    kind: ErrorKind,
    message: string,
    readonly status: number,
    readonly code: string,
    readonly errors: AppleErrorEntry[] = [],
    retryAfterSeconds?: number,
  ) {
    super(kind, message, retryAfterSeconds === undefined ? {} : { retryAfterSeconds });
  }
}

export interface AppleStatus {
  configured: boolean;
  connected: boolean;
  message: string;
}

export interface DeviceToRegister {
  /** Updraft's id of the device, echoed in the result. */
  device_id: string;
  udid: string;
  /** Name shown in the developer account; see appleDeviceName. */
  name: string;
}

export interface DeviceRegistration {
  device_id: string;
  success: boolean;
  message?: string;
  error?: string;
  apple_device_id?: string;
}

export interface BatchRegistration {
  success_count: number;
  fail_count: number;
  results: DeviceRegistration[];
}

/** The name a device gets in the developer account: its own name, else its model, else part of its UDID. */
export function appleDeviceName(device: {
  device_name?: string | null;
  model?: string | null;
  udid: string;
}) {
  return device.device_name || device.model || `Device ${device.udid.slice(0, 8)}`;
}

/** Apple's key files are PKCS#8 EC P-256 keys; anything else cannot sign an ES256 token. */
function loadKey(pem: string): KeyObject {
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: pem.trim(), format: 'pem' });
  } catch {
    throw invalid(
      'the Apple private key is not a PEM key: paste the whole .p8 file, from -----BEGIN PRIVATE KEY----- to the END line',
    );
  }
  if (key.asymmetricKeyType !== 'ec' || key.asymmetricKeyDetails?.namedCurve !== 'prime256v1') {
    throw invalid(
      'the Apple private key is not an EC P-256 key: use the .p8 file App Store Connect gave you',
    );
  }
  return key;
}

function retryAfterSeconds(header: string | null, nowMs: number): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim());
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, Math.ceil((at - nowMs) / 1000));
}

/** Apple's `X-Rate-Limit: user-hour-lim:3500;user-hour-rem:0;` as numbers, when present. */
export function parseRateLimit(
  header: string | null,
): { hourlyLimit: number; remaining: number } | undefined {
  const limit = /user-hour-lim:(\d+)/.exec(header ?? '');
  const remaining = /user-hour-rem:(\d+)/.exec(header ?? '');
  if (!limit || !remaining) return undefined;
  return { hourlyLimit: Number(limit[1]), remaining: Number(remaining[1]) };
}

/** Apple's title and detail as one sentence pair ("An attribute value is invalid. A device with number …"). */
const describe = (e: AppleErrorEntry) =>
  [e.title && !/[.!?]$/.test(e.title) ? `${e.title}.` : e.title, e.detail].filter(Boolean).join(' ');

/** Turns an error answer of Apple's into an error that says what went wrong and what to do. */
function apiError(
  status: number,
  body: unknown,
  retryAfter: number | undefined,
  rateLimit: string | null,
): AppleApiError {
  const errors = Array.isArray((body as { errors?: unknown })?.errors)
    ? ((body as { errors: AppleErrorEntry[] }).errors ?? [])
    : [];
  const first = errors[0];
  const said = errors.map(describe).filter(Boolean).join('; ');
  const code = first?.code ?? `HTTP_${status}`;
  // A key Apple refuses is a mistake in the tenant's settings, not in the caller's own credentials: never a 401/403.
  if (status === 401) {
    return new AppleApiError(
      'invalid',
      `Apple rejected the API key (401${said ? `: ${said}` : ''}): check the key id, the issuer id and the .p8 private key, and that the key is not revoked`,
      status,
      code,
      errors,
    );
  }
  if (status === 403) {
    return new AppleApiError(
      'invalid',
      `Apple refused the request (403${said ? `: ${said}` : ''}): the API key needs the Admin or Developer role to manage devices`,
      status,
      code,
      errors,
    );
  }
  if (status === 429) {
    const limit = parseRateLimit(rateLimit);
    return new AppleApiError(
      'rate_limited',
      `Apple's rate limit for this API key${limit ? ` (${limit.hourlyLimit} requests per rolling hour)` : ''} is used up: ${retryAfter === undefined ? 'try again later' : `try again in ${retryAfter} s`}`,
      status,
      code,
      errors,
      retryAfter,
    );
  }
  const kind: ErrorKind = status === 404 ? 'not_found' : status >= 500 ? 'unavailable' : 'invalid';
  return new AppleApiError(
    kind,
    `App Store Connect answered ${status}: ${said || 'no error details'}`,
    status,
    code,
    errors,
  );
}

/**
 * What `GET /admin/api/apple/status` reports for a tenant's stored credentials: not configured when any is missing,
 * not connected when the key cannot sign or Apple refuses it.
 */
export async function appleStatus(
  options: Omit<AppleClientOptions, 'credentials'> & { credentials: Partial<AppleCredentials> | undefined },
): Promise<AppleStatus> {
  const { keyId, issuerId, privateKey } = options.credentials ?? {};
  if (!keyId || !issuerId || !privateKey) {
    return {
      configured: false,
      connected: false,
      message: 'Apple API credentials not configured: set the key id, the issuer id and the .p8 private key',
    };
  }
  let client: AppleConnectClient;
  try {
    client = new AppleConnectClient({ ...options, credentials: { keyId, issuerId, privateKey } });
  } catch (err) {
    if (!(err instanceof DomainError)) throw err;
    return { configured: true, connected: false, message: err.message };
  }
  return client.status();
}

/**
 * A client of the App Store Connect API's devices resource. It signs one ES256 token per ~19 minutes, retries a 429
 * after Apple's Retry-After a bounded number of times, and turns Apple's error bodies into AppleApiError.
 */
export class AppleConnectClient {
  private readonly key: KeyObject;
  private readonly baseUrl: string;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly maxRetries: number;
  private readonly maxDelaySeconds: number;
  private readonly timeoutMs: number;
  private token: { value: string; renewAt: number } | undefined;

  constructor(private readonly options: AppleClientOptions) {
    const { keyId, issuerId, privateKey } = options.credentials;
    if (!keyId || !issuerId || !privateKey) {
      throw invalid('the Apple API is not configured: set the key id, the issuer id and the .p8 private key');
    }
    this.key = loadKey(privateKey);
    this.baseUrl = (options.baseUrl || APPLE_API_URL).replace(/\/+$/, '');
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? ((ms) => new Promise((done) => setTimeout(done, ms)));
    this.maxRetries = options.maxRateLimitRetries ?? 3;
    this.maxDelaySeconds = options.maxRetryDelaySeconds ?? 60;
    this.timeoutMs = options.timeoutMs ?? 30_000;
  }

  /** The bearer token, reused until shortly before it expires. */
  bearerToken(): string {
    const nowSeconds = Math.floor(this.now() / 1000);
    if (this.token && nowSeconds < this.token.renewAt) return this.token.value;
    const exp = nowSeconds + TOKEN_LIFETIME_SECONDS;
    const value = jwt.sign(
      { iss: this.options.credentials.issuerId, iat: nowSeconds, exp, aud: AUDIENCE },
      this.key,
      { algorithm: 'ES256', keyid: this.options.credentials.keyId, header: { alg: 'ES256', typ: 'JWT' } },
    );
    this.token = { value, renewAt: exp - TOKEN_RENEW_MARGIN_SECONDS };
    return value;
  }

  /** Whether the key works: the connection test lists one device, as Fenfa's does. */
  async status(): Promise<AppleStatus> {
    try {
      await this.request('GET', `${this.baseUrl}/v1/devices?limit=1`);
      return { configured: true, connected: true, message: 'Connected successfully' };
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      return { configured: true, connected: false, message: `Connection test failed: ${err.message}` };
    }
  }

  /** Every device of the team, following Apple's `links.next` pages. */
  async listDevices(): Promise<AppleDevice[]> {
    const devices: AppleDevice[] = [];
    let url: string | undefined = `${this.baseUrl}/v1/devices?limit=${PAGE_LIMIT}`;
    for (let page = 0; url; page++) {
      if (page === MAX_PAGES) {
        throw new AppleApiError(
          'unavailable',
          `App Store Connect kept answering with a next page after ${MAX_PAGES} pages`,
          200,
          'PAGING_LOOP',
        );
      }
      const body = (await this.request('GET', url)) as { data?: AppleDevice[]; links?: { next?: string } };
      devices.push(...(body.data ?? []));
      url = body.links?.next ? this.sameOrigin(body.links.next) : undefined;
    }
    return devices;
  }

  /** The team's device with this UDID, or undefined. */
  async findDeviceByUdid(udid: string): Promise<AppleDevice | undefined> {
    const query = new URLSearchParams({ 'filter[udid]': udid, limit: '1' });
    const body = (await this.request('GET', `${this.baseUrl}/v1/devices?${query}`)) as {
      data?: AppleDevice[];
    };
    return body.data?.[0];
  }

  async registerDevice(device: {
    name: string;
    udid: string;
    platform?: ApplePlatform;
  }): Promise<AppleDevice> {
    const body = (await this.request('POST', `${this.baseUrl}/v1/devices`, {
      data: {
        type: 'devices',
        attributes: { name: device.name, udid: device.udid, platform: device.platform ?? 'IOS' },
      },
    })) as { data: AppleDevice };
    return body.data;
  }

  /**
   * Registers each device unless Apple already knows its UDID. Apple refusing one device (a bad UDID, the device
   * limit) fails that device only; a fault that would fail every call (a wrong key, the rate limit, Apple away) is
   * recorded for the device that met it and for the rest without calling Apple again, so the caller still learns
   * every device that did get registered.
   */
  async registerDevices(devices: DeviceToRegister[]): Promise<BatchRegistration> {
    const results: DeviceRegistration[] = [];
    let fatal: AppleApiError | undefined;
    for (const device of devices) {
      if (fatal) {
        results.push({ device_id: device.device_id, success: false, error: fatal.message });
        continue;
      }
      try {
        const existing = await this.findDeviceByUdid(device.udid);
        const apple = existing ?? (await this.registerDevice({ name: device.name, udid: device.udid }));
        results.push({
          device_id: device.device_id,
          success: true,
          message: existing ? 'Already registered with Apple' : 'Registered successfully',
          apple_device_id: apple.id,
        });
      } catch (err) {
        if (!(err instanceof AppleApiError)) throw err;
        if (![400, 409, 422].includes(err.status)) fatal = err;
        results.push({ device_id: device.device_id, success: false, error: err.message });
      }
    }
    const success_count = results.filter((r) => r.success).length;
    return { success_count, fail_count: results.length - success_count, results };
  }

  /** A `next` link must stay on Apple's host: the bearer token is never sent anywhere else. */
  private sameOrigin(next: string): string {
    const url = new URL(next, this.baseUrl);
    if (url.origin !== new URL(this.baseUrl).origin) {
      throw new AppleApiError(
        'unavailable',
        `App Store Connect sent a next page on another host (${url.origin})`,
        200,
        'FOREIGN_NEXT_LINK',
      );
    }
    return url.toString();
  }

  private async request(method: 'GET' | 'POST', url: string, body?: unknown): Promise<unknown> {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      let text: string;
      try {
        res = await fetch(url, {
          method,
          headers: {
            authorization: `Bearer ${this.bearerToken()}`,
            accept: 'application/json',
            ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          },
          body: body === undefined ? undefined : JSON.stringify(body),
          signal: AbortSignal.timeout(this.timeoutMs),
        });
        text = await res.text();
      } catch (err) {
        const why =
          (err as Error).name === 'TimeoutError'
            ? `no answer within ${this.timeoutMs / 1000} s`
            : (err as Error).message;
        throw new AppleApiError(
          'unavailable',
          `App Store Connect could not be reached at ${this.baseUrl} (${why}): check the network or APPLE_API_URL`,
          0,
          'NETWORK',
        );
      }
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : {};
      } catch {
        parsed = undefined;
      }
      if (res.ok) {
        if (parsed === undefined) {
          throw new AppleApiError(
            'unavailable',
            `App Store Connect answered ${res.status} with a body that is not JSON`,
            res.status,
            'BAD_RESPONSE',
          );
        }
        return parsed;
      }
      const wait = retryAfterSeconds(res.headers.get('retry-after'), this.now());
      if (res.status === 429 && attempt < this.maxRetries && (wait ?? 0) <= this.maxDelaySeconds) {
        // Without a Retry-After, back off 1 s, 2 s, 4 s: Apple's limit is per rolling hour, so hammering is useless.
        await this.sleep((wait ?? 2 ** attempt) * 1000);
        continue;
      }
      throw apiError(res.status, parsed, wait, res.headers.get('x-rate-limit'));
    }
  }
}
