import express, { type Express } from 'express';
import type { AppContext } from './context.js';
import { accountsRouter } from './http/faynosync/accounts.js';
import { catalogRouter } from './http/faynosync/catalog.js';
import { healthRouter } from './http/faynosync/health.js';
import { filesRouter } from './http/files.js';
import { cors } from './http/shared/cors.js';
import { errorHandler, notFoundHandler } from './http/shared/errors.js';
import { requestLogging } from './http/shared/logging.js';
import { LocalArtifactStore } from './storage/local.js';

/** The Express application: shared middleware, then each face's router, then the JSON 404 and error shape. */
export function buildApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', ctx.config.trustProxy);
  app.use(requestLogging(ctx.logger));
  app.use(cors(ctx.config.allowedCors));
  app.use(healthRouter(ctx));
  if (ctx.store instanceof LocalArtifactStore) app.use('/files', filesRouter(ctx.store));
  app.use(accountsRouter(ctx));
  app.use(catalogRouter(ctx));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}
