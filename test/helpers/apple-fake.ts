import { generateKeyPairSync, type KeyObject, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import type { AppleDevice } from '../../src/core/apple/connect.js';
import { UDID_PATTERN } from '../../src/core/apple/device-attributes.js';

/** An App Store Connect API key as Apple hands it out: a PKCS#8 EC P-256 key in PEM (.p8). */
export function appleKey(): { privateKey: string; publicKey: KeyObject } {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  return { privateKey: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(), publicKey };
}

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
}

interface ErrorEntry {
  status: string;
  code: string;
  title: string;
  detail: string;
  source?: { pointer?: string; parameter?: string };
}

const HOURLY_LIMIT = 3600;

/**
 * A stand-in for App Store Connect's devices resource that follows Apple's documented wire format: bearer ES256
 * tokens checked against the key's public half (kid, iss, aud `appstoreconnect-v1`, at most 20 minutes of life),
 * JSON:API documents with `data`, `links.self`, `links.next` and `meta.paging`, `{errors:[…]}` bodies, the
 * `X-Rate-Limit` header on every answer, and a switch that answers 429 with Retry-After. Real HTTP on a random port.
 */
export class FakeAppStoreConnect {
  readonly devices: AppleDevice[] = [];
  readonly requests: FakeRequest[] = [];
  url = '';
  private stalled = 0;
  /** When true, the key is taken to lack a role that may manage devices (a key with the Sales role, say). */
  readOnlyKey = false;
  /** When set, `links.next` points to this origin instead of the fake's own (a hostile or broken answer). */
  nextOrigin: string | undefined;
  private rateLimited: { times: number; retryAfter: string | undefined } = {
    times: 0,
    retryAfter: undefined,
  };
  private readonly server = createServer((req, res) => {
    this.handle(req, res).catch((err: Error) => {
      res.statusCode = 500;
      res.end(err.message);
    });
  });

  constructor(
    private readonly key: { keyId: string; issuerId: string; publicKey: KeyObject },
    private readonly clock: () => number = Date.now,
  ) {}

  async start(): Promise<this> {
    await new Promise<void>((done) => this.server.listen(0, '127.0.0.1', done));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  close(): Promise<void> {
    const closed = new Promise<void>((done) => this.server.close(() => done()));
    this.server.closeAllConnections();
    return closed;
  }

  /** The next `times` requests get no answer at all, as when Apple or the network hangs. */
  stall(times: number): void {
    this.stalled = times;
  }

  /** The next `times` requests get a 429; retryAfter is the Retry-After header's value (none when undefined). */
  rateLimit(times: number, retryAfter?: string): void {
    this.rateLimited = { times, retryAfter };
  }

  /** A device the team already has, as if registered in the developer portal. */
  addDevice(udid: string, name = `Device ${udid.slice(0, 8)}`): AppleDevice {
    const device: AppleDevice = {
      type: 'devices',
      id: randomBytes(5).toString('hex').toUpperCase(),
      attributes: {
        name,
        udid,
        platform: 'IOS',
        status: 'ENABLED',
        deviceClass: 'IPHONE',
        model: null,
        addedDate: new Date(this.clock()).toISOString().replace(/\.\d+Z$/, '.000+00:00'),
      },
    };
    this.devices.push(device);
    return device;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', this.url);
    const raw = await new Promise<string>((done) => {
      let text = '';
      req.setEncoding('utf8');
      req.on('data', (chunk: string) => {
        text += chunk;
      });
      req.on('end', () => done(text));
    });
    let body: unknown;
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      body = raw;
    }
    this.requests.push({ method: req.method ?? '', path: url.pathname, query: url.searchParams, body });
    if (this.stalled > 0) {
      this.stalled--;
      return;
    }
    res.setHeader('content-type', 'application/json');

    if (this.rateLimited.times > 0) {
      this.rateLimited.times--;
      if (this.rateLimited.retryAfter !== undefined)
        res.setHeader('retry-after', this.rateLimited.retryAfter);
      res.setHeader('x-rate-limit', `user-hour-lim:${HOURLY_LIMIT};user-hour-rem:0;`);
      this.fail(res, 429, {
        code: 'RATE_LIMIT_EXCEEDED',
        title: 'The request rate limit has been reached.',
        detail:
          'We\u2019ve received too many requests for this API. Please wait and try again or slow down your request rate.',
      });
      return;
    }
    res.setHeader(
      'x-rate-limit',
      `user-hour-lim:${HOURLY_LIMIT};user-hour-rem:${HOURLY_LIMIT - this.requests.length};`,
    );

    const authError = this.checkToken(req.headers.authorization);
    if (authError) {
      this.fail(res, 401, {
        code: 'NOT_AUTHORIZED',
        title: 'Authentication credentials are missing or invalid.',
        detail: `Provide a properly configured and signed bearer token, and make sure that it has not expired. (${authError})`,
      });
      return;
    }
    if (this.readOnlyKey && req.method === 'POST') {
      this.fail(res, 403, {
        code: 'FORBIDDEN_ERROR',
        title: 'This request is forbidden for security reasons',
        detail: 'The API key in use does not allow this request',
      });
      return;
    }
    if (url.pathname === '/v1/devices' && req.method === 'GET') return this.list(url, res);
    if (url.pathname === '/v1/devices' && req.method === 'POST') return this.create(body, req, res);
    this.fail(res, 404, {
      code: 'NOT_FOUND',
      title: 'The specified resource does not exist',
      detail: `The path provided does not match a defined resource type. (${req.method} ${url.pathname})`,
    });
  }

  /** What Apple checks of the bearer token, as its "Generating Tokens for API Requests" page lists. */
  private checkToken(header: string | undefined): string | undefined {
    const token = /^Bearer (.+)$/.exec(header ?? '')?.[1];
    if (!token) return 'no bearer token';
    let decoded: jwt.Jwt;
    try {
      decoded = jwt.verify(token, this.key.publicKey, {
        algorithms: ['ES256'],
        audience: 'appstoreconnect-v1',
        issuer: this.key.issuerId,
        clockTimestamp: Math.floor(this.clock() / 1000),
        complete: true,
      });
    } catch (err) {
      return (err as Error).message;
    }
    const claims = decoded.payload as jwt.JwtPayload;
    if (decoded.header.kid !== this.key.keyId) return 'unknown kid';
    if (decoded.header.typ !== 'JWT') return 'typ is not JWT';
    if (typeof claims.iat !== 'number' || typeof claims.exp !== 'number') return 'iat and exp are required';
    if (claims.exp - claims.iat > 20 * 60) return 'the token lives longer than 20 minutes';
    return undefined;
  }

  private list(url: URL, res: ServerResponse): void {
    const limit = Number(url.searchParams.get('limit') ?? '20');
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      this.fail(res, 400, {
        code: 'PARAMETER_ERROR.INVALID',
        title: 'A parameter has an invalid value',
        detail: `'${url.searchParams.get('limit')}' is not a valid value for limit: it must be between 1 and 200`,
        source: { parameter: 'limit' },
      });
      return;
    }
    const udids = url.searchParams.get('filter[udid]')?.split(',');
    const matching = udids ? this.devices.filter((d) => udids.includes(d.attributes.udid)) : this.devices;
    const cursor = url.searchParams.get('cursor');
    const offset = cursor ? Number(Buffer.from(cursor, 'base64url').toString()) : 0;
    const data = matching.slice(offset, offset + limit);
    const links: { self: string; next?: string } = { self: url.toString() };
    if (offset + limit < matching.length) {
      const next = new URL(`${url.pathname}${url.search}`, this.nextOrigin ?? this.url);
      next.searchParams.set('cursor', Buffer.from(String(offset + limit)).toString('base64url'));
      links.next = next.toString();
    }
    this.send(res, 200, { data, links, meta: { paging: { total: matching.length, limit } } });
  }

  private create(body: unknown, req: IncomingMessage, res: ServerResponse): void {
    const data = (body as { data?: { type?: unknown; attributes?: Record<string, unknown> } })?.data;
    const attributes = data?.attributes;
    if (
      !req.headers['content-type']?.startsWith('application/json') ||
      data?.type !== 'devices' ||
      !attributes
    ) {
      this.fail(res, 400, {
        code: 'PARAMETER_ERROR.INVALID',
        title: 'The request entity is invalid',
        detail: 'Send a JSON:API document: {"data":{"type":"devices","attributes":{…}}}',
      });
      return;
    }
    for (const name of ['name', 'udid', 'platform']) {
      if (typeof attributes[name] !== 'string' || attributes[name] === '') {
        this.fail(res, 409, {
          code: 'ENTITY_ERROR.ATTRIBUTE.REQUIRED',
          title: 'The provided entity is missing a required attribute',
          detail: `You must provide a value for the attribute '${name}' with this request`,
          source: { pointer: `/data/attributes/${name}` },
        });
        return;
      }
    }
    const udid = attributes.udid as string;
    if (!['IOS', 'MAC_OS'].includes(attributes.platform as string)) {
      this.fail(res, 409, {
        code: 'ENTITY_ERROR.ATTRIBUTE.INVALID',
        title: 'An attribute value is invalid.',
        detail: `'${attributes.platform}' is not a valid value for the attribute 'platform'.`,
        source: { pointer: '/data/attributes/platform' },
      });
      return;
    }
    if (!UDID_PATTERN.test(udid)) {
      this.fail(res, 409, {
        code: 'ENTITY_ERROR.ATTRIBUTE.INVALID',
        title: 'An attribute value is invalid.',
        detail: `An attribute value has invalid characters. - Device UDID '${udid}' is not a valid UDID.`,
        source: { pointer: '/data/attributes/udid' },
      });
      return;
    }
    if (this.devices.some((d) => d.attributes.udid.toLowerCase() === udid.toLowerCase())) {
      this.fail(res, 409, {
        code: 'ENTITY_ERROR.ATTRIBUTE.INVALID',
        title: 'An attribute value is invalid.',
        detail: `A device with number '${udid}' already exists on this team.`,
        source: { pointer: '/data/attributes/udid' },
      });
      return;
    }
    const device = this.addDevice(udid, attributes.name as string);
    device.attributes.platform = attributes.platform as string;
    this.send(res, 201, { data: device, links: { self: `${this.url}/v1/devices/${device.id}` } });
  }

  private fail(res: ServerResponse, status: number, error: Omit<ErrorEntry, 'status'>): void {
    this.send(res, status, {
      errors: [{ id: randomBytes(16).toString('hex'), status: String(status), ...error }],
    });
  }

  private send(res: ServerResponse, status: number, body: unknown): void {
    res.statusCode = status;
    res.end(JSON.stringify(body));
  }
}

/** A fake started on a random port with a fresh key; the caller closes it. */
export async function startAppleFake(clock?: () => number) {
  const key = appleKey();
  const credentials = { keyId: 'ABC123DEFG', issuerId: '57246542-96fe-1a63-e053-0824d011072a' };
  const fake = await new FakeAppStoreConnect({ ...credentials, publicKey: key.publicKey }, clock).start();
  return { fake, credentials: { ...credentials, privateKey: key.privateKey } };
}
