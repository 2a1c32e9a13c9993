import type { RequestListener } from 'node:http';
import request from 'supertest';
import { bearer, newAdmin } from './auth.js';

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
