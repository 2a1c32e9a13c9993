import express, { type Router } from 'express';
import type { AppContext } from '../../context.js';
import { fenfaAdminRouter } from './admin.js';
import { fenfaDevicesRouter } from './devices.js';
import { fenfaIosRouter } from './ios.js';
import { fenfaPublicRouter } from './public.js';
import { fenfaUploadRouter } from './upload.js';

/**
 * The Fenfa face (docs/fenfa.md): its admin API, its upload beside FaynoSync's `POST /upload` (told apart by the
 * `X-Auth-Token` header) and its public routes and iOS over the air (docs/ios.md), over the one core model.
 */
export function fenfaRouter(ctx: AppContext): Router {
  const router = express.Router();
  // Before the admin router, whose catch-all answers unknown /admin/api paths.
  router.use(fenfaDevicesRouter(ctx));
  router.use(fenfaUploadRouter(ctx));
  router.use(fenfaAdminRouter(ctx));
  router.use(fenfaPublicRouter(ctx));
  router.use(fenfaIosRouter(ctx));
  return router;
}
