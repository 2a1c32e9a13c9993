import { createHash } from 'node:crypto';
import type { RequestListener } from 'node:http';
import request from 'supertest';
import { expect } from 'vitest';
import { bearer, newAdmin } from './auth.js';

/**
 * A BinDist client for tests that sends exactly what the official Python SDK (bindist-api-python, described in
 * bindist-python-sdk.txt) sends: `Authorization: Bearer <key>` and `Content-Type: application/json` on every
 * request (bodiless GETs and DELETEs included), the same paths, query names (`pageSize`, `type=download`) and body
 * fields (`expiresMinutes`, base64 `fileContent`), and it reads the same fields back (`data.url`, `data.checksum`).
 */

/** The SDK's `ApiResponse`: the body's `success`, `data`, `error`, `meta`, plus the HTTP status. */
export interface ApiResponse {
  success: boolean;
  statusCode: number;
  // biome-ignore lint/suspicious/noExplicitAny: the SDK indexes into plain dicts, as these tests do
  data: any;
  error: { code?: string; message?: string; timestamp?: string } | null;
  meta: { requestId?: string; version?: string; pagination?: Record<string, unknown> } | null;
  raw: Record<string, unknown>;
  headers: Record<string, string>;
}

type Params = Record<string, string | number | undefined>;

function toResponse(res: request.Response): ApiResponse {
  const body = (res.body ?? {}) as Record<string, unknown>;
  const json =
    typeof body === 'object' && Object.keys(body).length > 0
      ? body
      : { success: false, error: { message: res.text } };
  return {
    success: (json.success as boolean | undefined) ?? false,
    statusCode: res.status,
    data: json.data ?? null,
    error: (json.error as ApiResponse['error']) ?? null,
    meta: (json.meta as ApiResponse['meta']) ?? null,
    raw: json,
    headers: res.headers as Record<string, string>,
  };
}

function query(params: Params | undefined): Record<string, string | number> {
  return Object.fromEntries(Object.entries(params ?? {}).filter(([, v]) => v !== undefined)) as Record<
    string,
    string | number
  >;
}

/** `BaseClient`: the session headers, `/v1` + path. */
export class BaseClient {
  constructor(
    readonly app: RequestListener,
    readonly apiKey: string,
  ) {}

  protected headers(extra?: Record<string, string>): Record<string, string> {
    return { ...bearer(this.apiKey), 'Content-Type': 'application/json', ...extra };
  }

  async get(path: string, params?: Params, headers?: Record<string, string>): Promise<ApiResponse> {
    return toResponse(
      await request(this.app).get(`/v1${path}`).query(query(params)).set(this.headers(headers)),
    );
  }

  async post(path: string, json?: unknown, headers?: Record<string, string>): Promise<ApiResponse> {
    const req = request(this.app).post(`/v1${path}`).set(this.headers(headers));
    return toResponse(await (json === undefined ? req : req.send(JSON.stringify(json))));
  }

  async patch(path: string, json?: unknown): Promise<ApiResponse> {
    const req = request(this.app).patch(`/v1${path}`).set(this.headers());
    return toResponse(await (json === undefined ? req : req.send(JSON.stringify(json))));
  }

  /** Not in the Python SDK (it has no call for linking customers); same headers as its other calls. */
  async put(path: string, json?: unknown): Promise<ApiResponse> {
    const req = request(this.app).put(`/v1${path}`).set(this.headers());
    return toResponse(await (json === undefined ? req : req.send(JSON.stringify(json))));
  }

  async delete(path: string): Promise<ApiResponse> {
    return toResponse(await request(this.app).delete(`/v1${path}`).set(this.headers()));
  }

  /** `download(url)`: a plain GET of the pre-signed URL, without the session's headers. */
  async download(url: string): Promise<Buffer> {
    const res = await fetchSigned(this.app, url);
    expect(res.status).toBe(200);
    return res.body as Buffer;
  }
}

/**
 * GETs an absolute URL the server handed out (pre-signed download, share link) with no credentials. URLs on
 * Updraft itself (the local driver, API_URL http://updraft.test) go to the app; others (S3) over the network.
 */
export async function fetchSigned(
  app: RequestListener,
  url: string,
): Promise<{ status: number; body: Buffer; headers: Headers | Record<string, string> }> {
  const target = new URL(url);
  if (target.origin === 'http://updraft.test') {
    const res = await request(app)
      .get(`${target.pathname}${target.search}`)
      .buffer(true)
      .parse((r, done) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => done(null, Buffer.concat(chunks)));
      });
    return { status: res.status, body: res.body as Buffer, headers: res.headers as Record<string, string> };
  }
  const res = await fetch(url, { redirect: 'manual' });
  return { status: res.status, body: Buffer.from(await res.arrayBuffer()), headers: res.headers };
}

/** `CustomerClient`. */
export class CustomerClient extends BaseClient {
  listApplications(options: { search?: string; tags?: string[]; page?: number; pageSize?: number } = {}) {
    return this.get('/applications', {
      page: options.page ?? 1,
      pageSize: options.pageSize ?? 20,
      search: options.search || undefined,
      tags: options.tags?.length ? options.tags.join(',') : undefined,
    });
  }

  getApplication(applicationId: string) {
    return this.get(`/applications/${applicationId}`);
  }

  listVersions(applicationId: string, options: { changelog?: string; testChannel?: boolean } = {}) {
    return this.get(
      `/applications/${applicationId}/versions`,
      { changelog: options.changelog || undefined },
      options.testChannel ? { 'X-Channel': 'Test' } : undefined,
    );
  }

  listVersionFiles(applicationId: string, version: string) {
    return this.get(`/applications/${applicationId}/versions/${version}/files`);
  }

  getDownloadUrl(
    applicationId: string,
    version: string,
    options: { fileId?: string; testChannel?: boolean } = {},
  ) {
    return this.get(
      '/downloads/url',
      { applicationId, version, fileId: options.fileId || undefined },
      options.testChannel ? { 'X-Channel': 'Test' } : undefined,
    );
  }

  /** `download_file`: URL, plain GET, SHA-256 compared with `checksum` by string equality (throws on mismatch). */
  async downloadFile(
    applicationId: string,
    version: string,
    options: { fileId?: string; testChannel?: boolean; verifyChecksum?: boolean } = {},
  ): Promise<[Buffer, { fileName: string; fileSize: number; checksum: string; expiresAt: string }]> {
    const info = await this.getDownloadUrl(applicationId, version, options);
    if (!info.success || !info.data)
      throw new Error(`Failed to get download URL: ${JSON.stringify(info.error)}`);
    const content = await this.download(info.data.url);
    const expected = info.data.checksum;
    if ((options.verifyChecksum ?? true) && expected) {
      const actual = createHash('sha256').update(content).digest('hex');
      if (actual !== expected) throw new Error(`Checksum mismatch: expected ${expected}, got ${actual}`);
    }
    return [
      content,
      {
        fileName: info.data.fileName,
        fileSize: info.data.fileSize,
        checksum: expected,
        expiresAt: info.data.expiresAt,
      },
    ];
  }

  createShareLink(
    applicationId: string,
    version: string,
    options: { fileId?: string; expiresMinutes?: number } = {},
  ) {
    return this.post('/downloads/share', {
      applicationId,
      version,
      expiresMinutes: options.expiresMinutes ?? 30,
      ...(options.fileId ? { fileId: options.fileId } : {}),
    });
  }

  getStats(applicationId: string) {
    return this.get(`/applications/${applicationId}/stats`);
  }
}

/** `AdminClient`. */
export class AdminClient extends BaseClient {
  createCustomer(name: string, options: { tier?: string; parentCustomerId?: string; notes?: string } = {}) {
    return this.post(`/management/customers/${options.parentCustomerId ?? 'admin'}/apikeys`, {
      name,
      tier: options.tier ?? 'Basic',
      ...(options.notes ? { notes: options.notes } : {}),
    });
  }

  createApplication(
    applicationId: string,
    name: string,
    customerIds: string[],
    options: { description?: string; tags?: string[] } = {},
  ) {
    return this.post('/management/applications', {
      applicationId,
      name,
      customerIds,
      ...(options.description ? { description: options.description } : {}),
      ...(options.tags?.length ? { tags: options.tags } : {}),
    });
  }

  uploadSmallFile(
    applicationId: string,
    version: string,
    fileName: string,
    content: Buffer,
    releaseNotes?: string,
  ) {
    return this.post('/management/upload', {
      applicationId,
      version,
      fileName,
      fileContent: content.toString('base64'),
      fileType: 'MAIN',
      ...(releaseNotes ? { releaseNotes } : {}),
    });
  }

  updateVersion(
    applicationId: string,
    version: string,
    options: { isEnabled?: boolean; isActive?: boolean; releaseNotes?: string } = {},
  ) {
    const payload: Record<string, unknown> = {};
    if (options.isEnabled !== undefined) payload.isEnabled = options.isEnabled;
    if (options.isActive !== undefined) payload.isActive = options.isActive;
    if (options.releaseNotes !== undefined) payload.releaseNotes = options.releaseNotes;
    return this.patch(`/applications/${applicationId}/versions/${version}`, payload);
  }

  updateCustomer(customerId: string, options: { name?: string; isActive?: boolean; notes?: string } = {}) {
    const payload: Record<string, unknown> = {};
    if (options.name !== undefined) payload.name = options.name;
    if (options.isActive !== undefined) payload.isActive = options.isActive;
    if (options.notes !== undefined) payload.notes = options.notes;
    return this.patch(`/management/customers/${customerId}`, payload);
  }

  deleteApplication(applicationId: string) {
    return this.delete(`/management/applications/${applicationId}`);
  }

  listActivity(
    options: { activityType?: string; applicationId?: string; page?: number; pageSize?: number } = {},
  ) {
    return this.get('/activity', {
      page: options.page ?? 1,
      pageSize: options.pageSize ?? 20,
      type: options.activityType || undefined,
      applicationId: options.applicationId || undefined,
    });
  }

  listCustomers(page = 1, pageSize = 20) {
    return this.get('/management/customers', { page, pageSize });
  }
}

/** A new Updraft admin (tenant) and its BinDist admin key, bootstrapped with the JWT as a new user would. */
export async function bootstrapAdmin(
  app: RequestListener,
): Promise<{ jwt: string; apiKey: string; tenantId: string; admin: AdminClient }> {
  const { token } = await newAdmin(app);
  const res = await request(app).post('/v1/management/admin/regenerate-key').set(bearer(token)).expect(200);
  const apiKey = res.body.data.apiKey as string;
  return {
    jwt: token,
    apiKey,
    tenantId: apiKey.split('.')[0] as string,
    admin: new AdminClient(app, apiKey),
  };
}

/** A customer of `admin` with its key, created the SDK's way. */
export async function newCustomer(
  admin: AdminClient,
  name: string,
  options: { tier?: string } = {},
): Promise<{ customerId: string; apiKey: string; client: CustomerClient }> {
  const res = await admin.createCustomer(name, options);
  expect(res.statusCode, JSON.stringify(res.raw)).toBe(201);
  return {
    customerId: res.data.customerId,
    apiKey: res.data.apiKey,
    client: new CustomerClient(admin.app, res.data.apiKey),
  };
}

/** Links (and unlinks) customers to an application. */
export async function linkCustomers(
  admin: AdminClient,
  applicationId: string,
  add: string[],
  remove: string[] = [],
) {
  const res = await admin.put(`/management/applications/${applicationId}/customers`, {
    addCustomerIds: add,
    removeCustomerIds: remove,
  });
  expect(res.statusCode, JSON.stringify(res.raw)).toBe(200);
  return res;
}

/** An application (via the management API) with the given customers linked. */
export async function newApplication(
  admin: AdminClient,
  applicationId: string,
  customerIds: string[] = [],
  options: { description?: string; tags?: string[]; name?: string } = {},
): Promise<void> {
  const res = await admin.createApplication(
    applicationId,
    options.name ?? applicationId,
    customerIds,
    options,
  );
  expect(res.statusCode, JSON.stringify(res.raw)).toBe(201);
}

/** A small upload of `content` as `version` (disabled), optionally enabled right after. */
export async function publish(
  admin: AdminClient,
  applicationId: string,
  version: string,
  content: Buffer,
  options: { fileName?: string; enable?: boolean; releaseNotes?: string } = {},
): Promise<void> {
  const up = await admin.uploadSmallFile(
    applicationId,
    version,
    options.fileName ?? `${applicationId}-${version}.exe`,
    content,
    options.releaseNotes,
  );
  expect(up.statusCode, JSON.stringify(up.raw)).toBe(201);
  if (options.enable) {
    const patch = await admin.updateVersion(applicationId, version, { isEnabled: true });
    expect(patch.statusCode, JSON.stringify(patch.raw)).toBe(200);
  }
}

export const sha256 = (data: Buffer) => createHash('sha256').update(data).digest('hex');
