import { generateKeyPairSync } from 'node:crypto';
import jwt from 'jsonwebtoken';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  AppleApiError,
  AppleConnectClient,
  type AppleCredentials,
  appleDeviceName,
  appleStatus,
  parseRateLimit,
} from '../../../src/core/apple/connect.js';
import { DomainError } from '../../../src/core/errors.js';
import { appleKey, type FakeAppStoreConnect, startAppleFake } from '../../helpers/apple-fake.js';

const NEW_UDID = '00008030-001A35E83C38802E';
const OLD_UDID = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';

describe('App Store Connect client', () => {
  let fake: FakeAppStoreConnect;
  let credentials: AppleCredentials;
  let waits: number[];
  let nowMs: number;

  const client = (options: Partial<ConstructorParameters<typeof AppleConnectClient>[0]> = {}) =>
    new AppleConnectClient({
      credentials,
      baseUrl: fake.url,
      now: () => nowMs,
      sleep: async (ms) => {
        waits.push(ms);
      },
      ...options,
    });

  beforeEach(async () => {
    nowMs = Date.now();
    waits = [];
    ({ fake, credentials } = await startAppleFake(() => nowMs));
  });
  afterEach(() => fake.close());

  it('signs an ES256 token with kid, iss, aud appstoreconnect-v1 and a 20-minute life, and reuses it', () => {
    const apple = client();
    const token = apple.bearerToken();
    const { header, payload } = jwt.decode(token, { complete: true }) as jwt.Jwt;
    expect(header).toEqual({ alg: 'ES256', kid: credentials.keyId, typ: 'JWT' });
    const claims = payload as jwt.JwtPayload;
    expect(claims).toEqual({
      iss: credentials.issuerId,
      iat: Math.floor(nowMs / 1000),
      exp: Math.floor(nowMs / 1000) + 20 * 60,
      aud: 'appstoreconnect-v1',
    });

    nowMs += 18 * 60 * 1000;
    expect(apple.bearerToken()).toBe(token);
    nowMs += 60 * 1000;
    const renewed = apple.bearerToken();
    expect(renewed).not.toBe(token);
    expect((jwt.decode(renewed) as jwt.JwtPayload).iat).toBe(Math.floor(nowMs / 1000));
  });

  it('reports connected after listing one device, and a wrong key as not connected with what to check', async () => {
    expect(await client().status()).toEqual({
      configured: true,
      connected: true,
      message: 'Connected successfully',
    });
    expect(fake.requests.at(-1)?.query.get('limit')).toBe('1');

    const stranger = appleKey().privateKey;
    const status = await client({ credentials: { ...credentials, privateKey: stranger } }).status();
    expect(status.connected).toBe(false);
    expect(status.message).toMatch(/Apple rejected the API key \(401.*check the key id, the issuer id/);
  });

  it('reports missing credentials as not configured and a key that cannot sign as not connected', async () => {
    const options = { baseUrl: fake.url, now: () => nowMs };
    expect(await appleStatus({ ...options, credentials: undefined })).toEqual({
      configured: false,
      connected: false,
      message: 'Apple API credentials not configured: set the key id, the issuer id and the .p8 private key',
    });
    expect(await appleStatus({ ...options, credentials: { ...credentials, keyId: '' } })).toMatchObject({
      configured: false,
    });
    expect(
      await appleStatus({ ...options, credentials: { ...credentials, privateKey: 'not a key' } }),
    ).toEqual({
      configured: true,
      connected: false,
      message: expect.stringContaining('paste the whole .p8 file'),
    });
    expect(fake.requests).toHaveLength(0);
    expect(await appleStatus({ ...options, credentials })).toMatchObject({
      configured: true,
      connected: true,
    });
  });

  it('gives up on a request that gets no answer, and says Apple could not be reached', async () => {
    fake.stall(1);
    const err = await client({ timeoutMs: 300 })
      .listDevices()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unavailable', status: 0, code: 'NETWORK' });
    expect((err as Error).message).toContain('no answer within 0.3 s');
    expect(await client().listDevices()).toEqual([]);
  });

  it('lists every device by following links.next, 200 per page', async () => {
    for (let i = 0; i < 450; i++) fake.addDevice(i.toString(16).padStart(40, '0'));
    const devices = await client().listDevices();
    expect(devices.map((d) => d.attributes.udid)).toEqual(fake.devices.map((d) => d.attributes.udid));
    const lists = fake.requests.filter((r) => r.method === 'GET');
    expect(lists).toHaveLength(3);
    expect(lists.map((r) => r.query.get('limit'))).toEqual(['200', '200', '200']);
    expect(lists[0]?.query.has('cursor')).toBe(false);
    expect(lists[1]?.query.has('cursor')).toBe(true);
  });

  it('never follows a next link to another host with the bearer token', async () => {
    for (let i = 0; i < 201; i++) fake.addDevice(i.toString(16).padStart(40, '0'));
    fake.nextOrigin = 'http://127.0.0.2:9';
    const err = await client()
      .listDevices()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'unavailable', code: 'FOREIGN_NEXT_LINK' });
    expect(fake.requests).toHaveLength(1);
  });

  it('finds a device by UDID with filter[udid]', async () => {
    const known = fake.addDevice(OLD_UDID, 'Ann’s iPhone');
    const apple = client();
    expect(await apple.findDeviceByUdid(OLD_UDID)).toEqual(known);
    expect(fake.requests.at(-1)?.query.get('filter[udid]')).toBe(OLD_UDID);
    expect(await apple.findDeviceByUdid(NEW_UDID)).toBeUndefined();
  });

  it("registers a device with Apple's JSON:API body", async () => {
    const device = await client().registerDevice({ name: 'QA iPhone', udid: NEW_UDID });
    expect(fake.requests.at(-1)).toMatchObject({
      method: 'POST',
      path: '/v1/devices',
      body: { data: { type: 'devices', attributes: { name: 'QA iPhone', udid: NEW_UDID, platform: 'IOS' } } },
    });
    expect(device).toEqual(fake.devices[0]);
    expect(device.attributes).toMatchObject({ name: 'QA iPhone', udid: NEW_UDID, platform: 'IOS' });
  });

  it("turns Apple's error body for a bad or duplicate UDID into a typed error that quotes Apple", async () => {
    const apple = client();
    const bad = await apple.registerDevice({ name: 'x', udid: 'not-a-udid' }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(AppleApiError);
    expect(bad).toMatchObject({ kind: 'invalid', status: 409, code: 'ENTITY_ERROR.ATTRIBUTE.INVALID' });
    expect((bad as Error).message).toContain("Device UDID 'not-a-udid' is not a valid UDID");

    fake.addDevice(NEW_UDID);
    const duplicate = await apple.registerDevice({ name: 'x', udid: NEW_UDID }).catch((e: unknown) => e);
    expect(duplicate).toMatchObject({ status: 409, code: 'ENTITY_ERROR.ATTRIBUTE.INVALID' });
    expect((duplicate as Error).message).toContain('already exists on this team');
  });

  it("says the key's role is too weak when Apple forbids registering, as a settings mistake (400 kind)", async () => {
    fake.readOnlyKey = true;
    const err = await client()
      .registerDevice({ name: 'x', udid: NEW_UDID })
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'invalid', status: 403, code: 'FORBIDDEN_ERROR' });
    expect((err as Error).message).toBe(
      'Apple refused the request (403: This request is forbidden for security reasons. The API key in use does not allow this request): the API key needs the Admin or Developer role to manage devices',
    );
  });

  it('registers a batch: finds known UDIDs first, registers the rest, reports each device and the counts', async () => {
    const known = fake.addDevice(OLD_UDID);
    const result = await client().registerDevices([
      { device_id: 'dev_1', udid: OLD_UDID, name: 'Known' },
      { device_id: 'dev_2', udid: NEW_UDID, name: 'New' },
      { device_id: 'dev_3', udid: 'zz', name: 'Broken' },
    ]);
    const created = fake.devices.find((d) => d.attributes.udid === NEW_UDID);
    expect(result.success_count).toBe(2);
    expect(result.fail_count).toBe(1);
    expect(result.results).toEqual([
      {
        device_id: 'dev_1',
        success: true,
        message: 'Already registered with Apple',
        apple_device_id: known.id,
      },
      { device_id: 'dev_2', success: true, message: 'Registered successfully', apple_device_id: created?.id },
      { device_id: 'dev_3', success: false, error: expect.stringContaining("Device UDID 'zz'") },
    ]);
    expect(fake.requests.filter((r) => r.method === 'POST').map((r) => r.body)).toEqual([
      { data: { type: 'devices', attributes: { name: 'New', udid: NEW_UDID, platform: 'IOS' } } },
      { data: { type: 'devices', attributes: { name: 'Broken', udid: 'zz', platform: 'IOS' } } },
    ]);
  });

  it('waits out a 429 for the Retry-After Apple sends, then succeeds', async () => {
    fake.addDevice(NEW_UDID);
    fake.rateLimit(2, '7');
    const devices = await client().listDevices();
    expect(devices).toHaveLength(1);
    expect(waits).toEqual([7000, 7000]);
    expect(fake.requests).toHaveLength(3);
  });

  it('gives up after the bounded retries with a rate-limit error carrying Retry-After and the hourly limit', async () => {
    fake.rateLimit(10, '5');
    const err = await client({ maxRateLimitRetries: 2 })
      .findDeviceByUdid(NEW_UDID)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppleApiError);
    expect(err).toMatchObject({
      kind: 'rate_limited',
      status: 429,
      code: 'RATE_LIMIT_EXCEEDED',
      extra: { retryAfterSeconds: 5 },
    });
    expect((err as Error).message).toBe(
      "Apple's rate limit for this API key (3600 requests per rolling hour) is used up: try again in 5 s",
    );
    expect(waits).toEqual([5000, 5000]);
    expect(fake.requests).toHaveLength(3);
  });

  it('backs off 1 s, 2 s, 4 s when a 429 has no Retry-After, and does not wait for one too long to hold', async () => {
    fake.rateLimit(3);
    await client().listDevices();
    expect(waits).toEqual([1000, 2000, 4000]);

    waits = [];
    const retryAt = new Date(nowMs + 3600 * 1000).toUTCString();
    fake.rateLimit(1, retryAt);
    const err = await client()
      .listDevices()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ kind: 'rate_limited', extra: { retryAfterSeconds: 3600 } });
    expect(waits).toEqual([]);
  });

  it('stops a batch at a fault that would fail every device and reports the rest without calling Apple', async () => {
    fake.rateLimit(5, '30');
    const limited = await client({ maxRateLimitRetries: 0 }).registerDevices([
      { device_id: 'dev_3', udid: 'b'.repeat(40), name: 'Third' },
      { device_id: 'dev_4', udid: 'c'.repeat(40), name: 'Fourth' },
    ]);
    expect(fake.requests).toHaveLength(1);
    expect(limited).toEqual({
      success_count: 0,
      fail_count: 2,
      results: [
        { device_id: 'dev_3', success: false, error: expect.stringContaining('rate limit') },
        { device_id: 'dev_4', success: false, error: expect.stringContaining('rate limit') },
      ],
    });
  });

  it('refuses a key that is not a PEM EC P-256 key, and missing credentials, before calling Apple', () => {
    const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ format: 'pem', type: 'pkcs8' })
      .toString();
    expect(() => client({ credentials: { ...credentials, privateKey: rsa } })).toThrow(/not an EC P-256 key/);
    expect(() => client({ credentials: { ...credentials, privateKey: 'MIGTAgEAMBMG' } })).toThrow(
      /paste the whole \.p8 file/,
    );
    expect(() => client({ credentials: { ...credentials, issuerId: '' } })).toThrow(/not configured/);
    expect(fake.requests).toHaveLength(0);
  });

  it('says Apple cannot be reached when nothing answers at the base URL', async () => {
    const closed = await startAppleFake();
    const url = closed.fake.url;
    await closed.fake.close();
    const err = await client({ baseUrl: url })
      .findDeviceByUdid(NEW_UDID)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ kind: 'unavailable', status: 0, code: 'NETWORK' });
    expect((err as Error).message).toContain('APPLE_API_URL');
  });

  it('names a device by its name, else its model, else the start of its UDID', () => {
    expect(appleDeviceName({ device_name: 'Ann', model: 'iPhone14,2', udid: NEW_UDID })).toBe('Ann');
    expect(appleDeviceName({ device_name: '', model: 'iPhone14,2', udid: NEW_UDID })).toBe('iPhone14,2');
    expect(appleDeviceName({ udid: NEW_UDID })).toBe('Device 00008030');
  });

  it("reads Apple's X-Rate-Limit header", () => {
    expect(parseRateLimit('user-hour-lim:3500;user-hour-rem:500;')).toEqual({
      hourlyLimit: 3500,
      remaining: 500,
    });
    expect(parseRateLimit(null)).toBeUndefined();
  });
});
