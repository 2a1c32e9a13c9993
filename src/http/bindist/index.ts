import express, { type RequestHandler, type Router } from 'express';
import type { AppContext } from '../../context.js';
import { rejectBadUrlText, strictJson } from '../shared/text.js';
import { adminKeyRouter } from './admin-key.js';
import { adminOnly, bindistAuth } from './auth.js';
import { catalogRouter } from './catalog.js';
import { customersRouter } from './customers.js';
import { downloadsRouter, publicShareRouter } from './downloads.js';
import { bindistErrorHandler, bindistNotFound } from './envelope.js';
import { managementAppsRouter } from './management-apps.js';
import { reportingRouter } from './reporting.js';
import { shareLinksRouter } from './share-links.js';
import { bindistUploadsRouter, bindistUploadTargetRouter } from './uploads.js';

/** BinDist's small upload is about 10 MB of base64 in a JSON body; this leaves room for the other fields. */
export const BINDIST_UPLOAD_JSON_LIMIT = 14 * 1024 ** 2;

/** CORS exactly as BinDist answers (§A.3): any origin, its three headers, and a 200 pre-flight. */
const bindistCors: RequestHandler = (req, res, next) => {
  res.setHeader('Access-Control-Allow-Origin', '*');
  res.setHeader('Access-Control-Allow-Headers', 'Content-Type,Authorization,X-Channel');
  res.setHeader('Access-Control-Allow-Methods', 'GET,POST,PUT,PATCH,DELETE,OPTIONS');
  if (req.method === 'OPTIONS') {
    res.status(200).end();
    return;
  }
  next();
};

/**
 * JSON bodies. The SDKs send `Content-Type: application/json` on bodiless GETs and DELETEs too (an empty body
 * reads as `{}`); anything but multipart is read as JSON. Only the small-upload route gets the large limit.
 */
function json(limit: number): RequestHandler {
  return strictJson({
    limit,
    type: (req) => !(req.headers['content-type'] ?? '').startsWith('multipart/'),
  });
}

/** The BinDist-compatible API, mounted at /v1. */
export function bindistRouter(ctx: AppContext): Router {
  const router = express.Router();
  router.use(bindistCors);
  router.use(rejectBadUrlText);
  // The local driver's signed upload URL streams its body: before any body parser, and its signature is the credential.
  router.use(bindistUploadTargetRouter(ctx));
  // Only the small upload itself takes the large JSON limit, and only from an admin: the key is checked before a
  // byte of the body is read, so nobody without one can make the server hold 14 MB.
  router.post('/management/upload', bindistAuth(ctx), adminOnly, json(BINDIST_UPLOAD_JSON_LIMIT));
  router.use(json(ctx.config.jsonMaxBytes));
  router.use(publicShareRouter(ctx));
  router.use(adminKeyRouter(ctx));
  router.use(bindistAuth(ctx));
  router.use(catalogRouter(ctx));
  router.use(downloadsRouter(ctx));
  router.use(customersRouter(ctx));
  router.use(shareLinksRouter(ctx));
  router.use(reportingRouter(ctx));
  router.use(bindistUploadsRouter(ctx));
  router.use(managementAppsRouter(ctx));
  router.use(bindistNotFound);
  router.use(bindistErrorHandler);
  return router;
}
