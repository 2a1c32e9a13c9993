import express, { type Router } from 'express';
import type { AppContext } from '../../context.js';
import { getCustomer, listCustomers } from '../../core/bindist/customers.js';
import { paginationOf } from '../../core/bindist/paging.js';
import { createCustomer } from '../../core/commands/create-customer.js';
import { regenerateCustomerKey } from '../../core/commands/regenerate-customer-key.js';
import { updateCustomer } from '../../core/commands/update-customer.js';
import { routeInput } from '../shared/validate.js';
import { adminAct, adminOnly, requireBindistAdmin } from './auth.js';
import { ok } from './envelope.js';
import { pageOf } from './schemas/fields.js';
import { BINDIST_ROUTES as R } from './schemas/routes.js';

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
    const { query } = routeInput(R.listCustomers, req);
    const paged = query.page !== undefined || query.limit !== undefined || query.pageSize !== undefined;
    const page = paged ? pageOf(query, 20) : undefined;
    const { customers, total } = await listCustomers(db, requireBindistAdmin(res).tenantId, page);
    ok(res, { customers }, page ? { pagination: paginationOf(page, total) } : {});
  });

  // Updraft's direct form of "create a customer"; BinDist's SDKs use …/{parentId}/apikeys below.
  router.post('/management/customers', async (req, res) => {
    const { body } = routeInput(R.createCustomer, req);
    ok(res, presentCreated(await createCustomer(db, adminAct(req, res), body, null)), { status: 201 });
  });

  router.get('/management/customers/:customerId', async (req, res) => {
    const { params } = routeInput(R.getCustomer, req);
    ok(res, await getCustomer(db, requireBindistAdmin(res).tenantId, params.customerId));
  });

  router.patch('/management/customers/:customerId', async (req, res) => {
    const { params, body } = routeInput(R.updateCustomer, req);
    ok(res, await updateCustomer(db, adminAct(req, res), params.customerId, body));
  });

  router.post('/management/customers/:customerId/regenerate-key', async (req, res) => {
    const { params } = routeInput(R.regenerateCustomerKey, req);
    ok(res, await regenerateCustomerKey(db, adminAct(req, res), params.customerId));
  });

  /**
   * Two meanings (§A.10): the SDKs send a body with a `name` to create a customer under `{parentId}` (usually
   * "admin"); the docs send no body to get a new key for the existing customer `{id}`.
   */
  router.post('/management/customers/:customerId/apikeys', async (req, res) => {
    const act = adminAct(req, res);
    const { params, body } = routeInput(R.customerApiKeys, req);
    const { name } = body;
    if (name === undefined) {
      const key = await regenerateCustomerKey(db, act, params.customerId);
      ok(
        res,
        { customerId: key.customerId, apiKey: key.apiKey, createdAt: key.regeneratedAt },
        { status: 201 },
      );
      return;
    }
    ok(res, presentCreated(await createCustomer(db, act, { ...body, name }, params.customerId)), {
      status: 201,
    });
  });

  return router;
}
