import express, { type Router } from 'express';
import type { AppContext } from '../../context.js';
import { fenfaAdminRouter } from './admin.js';
import { fenfaPublicRouter } from './public.js';
import { fenfaUploadRouter } from './upload.js';

/**
 * The Fenfa face (docs/fenfa.md): its admin API, its upload beside FaynoSync's `POST /upload` (told apart by the
 * `X-Auth-Token` header) and its public routes, over the one core model.
 */
export function fenfaRouter(ctx: AppContext): Router {
  const router = express.Router();
  // The upload routes first: the admin router answers every other path below /admin/api itself (a 404).
  router.use(fenfaUploadRouter(ctx));
  router.use(fenfaAdminRouter(ctx));
  router.use(fenfaPublicRouter(ctx));
  return router;
}
