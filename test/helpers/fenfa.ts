import type { RequestListener } from 'node:http';
import request from 'supertest';
import { bearer, newAdmin } from './auth.js';
import { type FormPart, multipart, type UploadFile } from './releases.js';

/** A new tenant (admin) with a Fenfa admin token and an upload token, minted through the admin API. */
export async function fenfaTenant(
  app: RequestListener,
): Promise<{ username: string; jwt: string; adminToken: string; uploadToken: string }> {
  const { username, token: jwt } = await newAdmin(app);
  const mint = async (scopes: string[]) => {
    const res = await request(app)
      .post('/admin/api/tokens')
      .set(bearer(jwt))
      .send({ label: `ci ${scopes.join(',')}`, scopes })
      .expect(201);
    return res.body.data.token as string;
  };
  return { username, jwt, adminToken: await mint(['admin']), uploadToken: await mint(['upload']) };
}

/** `POST /admin/api/products` as Fenfa's docs send it; returns the product id. */
export async function createProduct(
  app: RequestListener,
  token: string,
  body: Record<string, unknown>,
): Promise<string> {
  const res = await request(app)
    .post('/admin/api/products')
    .set('X-Auth-Token', token)
    .set('Content-Type', 'application/json')
    .send(JSON.stringify(body))
    .expect(201);
  return res.body.data.product.id as string;
}

/** `POST /admin/api/products/:id/variants`; returns the variant id. */
export async function createVariant(
  app: RequestListener,
  token: string,
  productId: string,
  body: Record<string, unknown>,
): Promise<string> {
  const res = await request(app)
    .post(`/admin/api/products/${productId}/variants`)
    .set('X-Auth-Token', token)
    .send(body)
    .expect(201);
  return res.body.data.variant.id as string;
}

/** Bytes that pass Fenfa's ZIP magic check (an .ipa, .apk or .zip starts with `PK`). */
export function zipLike(size = 2048): Buffer {
  const bytes = Buffer.alloc(size, 7);
  bytes.write('PK\u0003\u0004', 0, 'latin1');
  for (let i = 4; i < size; i++) bytes[i] = (i * 31) % 251;
  return bytes;
}

/**
 * Fenfa's `POST /upload` form as its CI examples send it (`curl -F variant_id=… -F app_file=@…`); `path` sends the
 * same form to `/smart-upload`, `/admin/api/smart-upload` or `/admin/api/parse-app`.
 */
export function fenfaUpload(
  app: RequestListener,
  token: string,
  fields: Record<string, string>,
  file: UploadFile,
  options: { fileFirst?: boolean; path?: string } = {},
): request.Test {
  const texts: FormPart[] = Object.entries(fields).map(([name, value]) => ({ name, value }));
  const filePart: FormPart = { name: 'app_file', file };
  const { body, contentType } = multipart(options.fileFirst ? [filePart, ...texts] : [...texts, filePart]);
  return request(app)
    .post(options.path ?? '/upload')
    .set('X-Auth-Token', token)
    .set('Content-Type', contentType)
    .send(body);
}
