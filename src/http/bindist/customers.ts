import express, { type Request, type Response, type Router } from 'express';
import type { AppContext } from '../../context.js';
import {
  type AdminAct,
  createCustomer,
  getCustomer,
  listCustomers,
  regenerateCustomerKey,
  updateCustomer,
} from '../../core/bindist/customers.js';
import { bodyObject, idParam, pageRequest, paginationOf } from '../../core/bindist/input.js';
import { callerId } from '../../core/bindist/keys.js';
import { adminOnly, requestOrigin, requireBindistAdmin } from './auth.js';
import { ok } from './envelope.js';

/** The admin key's act, for the audit log. */
export function adminAct(req: Request, res: Response): AdminAct {
  const caller = requireBindistAdmin(res);
  return { tenantId: caller.tenantId, actorId: callerId(caller), origin: requestOrigin(req) };
}

/** A customer just created or re-keyed: the only answer that carries its key. */
function presentCreated(customer: Awaited<ReturnType<typeof createCustomer>>) {
  const { keyPrefix: _prefix, ...rest } = customer;
  return rest;
}

/** Management of customers (admin key only); which customers see an application is in management-apps.ts. */
export function customersRouter(ctx: AppContext): Router {
  const router = express.Router();
  const { db } = ctx.database;
  router.use('/management/customers', adminOnly);

  router.get('/management/customers', async (req, res) => {
    const paged =
      req.query.page !== undefined || req.query.limit !== undefined || req.query.pageSize !== undefined;
    const page = paged ? pageRequest(req.query, 20) : undefined;
    const { customers, total } = await listCustomers(db, requireBindistAdmin(res).tenantId, page);
    ok(res, { customers }, page ? { pagination: paginationOf(page, total) } : {});
  });

  // Updraft's direct form of "create a customer"; BinDist's SDKs use …/{parentId}/apikeys below.
  router.post('/management/customers', async (req, res) => {
    ok(res, presentCreated(await createCustomer(db, adminAct(req, res), req.body, null)), { status: 201 });
  });

  router.get('/management/customers/:customerId', async (req, res) => {
    ok(res, await getCustomer(db, requireBindistAdmin(res).tenantId, req.params.customerId));
  });

  router.patch('/management/customers/:customerId', async (req, res) => {
    ok(res, await updateCustomer(db, adminAct(req, res), req.params.customerId, req.body));
  });

  router.post('/management/customers/:customerId/regenerate-key', async (req, res) => {
    ok(res, await regenerateCustomerKey(db, adminAct(req, res), req.params.customerId));
  });

  /**
   * Two meanings (§A.10): the SDKs send a body with a `name` to create a customer under `{parentId}` (usually
   * "admin"); the docs send no body to get a new key for the existing customer `{id}`.
   */
  router.post('/management/customers/:customerId/apikeys', async (req, res) => {
    const act = adminAct(req, res);
    const body = bodyObject(req.body);
    if (body.name === undefined) {
      const key = await regenerateCustomerKey(db, act, req.params.customerId);
      ok(
        res,
        { customerId: key.customerId, apiKey: key.apiKey, createdAt: key.regeneratedAt },
        { status: 201 },
      );
      return;
    }
    const parent = idParam(req.params.customerId, 'parentCustomerId');
    ok(res, presentCreated(await createCustomer(db, act, body, parent)), { status: 201 });
  });

  return router;
}
