import type { RequestListener } from 'node:http';
import express, { type Express } from 'express';
import type { AppContext } from './context.js';
import { bindistRouter } from './http/bindist/index.js';
import { apiDocsRouter } from './http/console/api-docs.js';
import { consoleRouter } from './http/console/index.js';
import { productsRouter } from './http/console/products.js';
import { accountsRouter } from './http/faynosync/accounts.js';
import { catalogRouter } from './http/faynosync/catalog.js';
import { downloadTokensRouter } from './http/faynosync/download-tokens.js';
import { downloadsRouter } from './http/faynosync/downloads.js';
import { healthRouter } from './http/faynosync/health.js';
import { releasesRouter } from './http/faynosync/releases.js';
import { reportsRouter } from './http/faynosync/reports.js';
import { resumableUploadsRouter } from './http/faynosync/resumable-uploads.js';
import { telemetryRouter } from './http/faynosync/telemetry.js';
import { tokensRouter } from './http/faynosync/tokens.js';
import { tufRouter } from './http/faynosync/tuf.js';
import { feedDoctorRouter } from './http/feeds/explain.js';
import { feedFilesRouter } from './http/feeds/files.js';
import { fenfaRouter } from './http/fenfa/index.js';
import { hotPath } from './http/hot/index.js';
import { cors } from './http/shared/cors.js';
import { errorHandler, notFoundHandler } from './http/shared/errors.js';
import { requestLogging } from './http/shared/logging.js';
import { metricsRouter, requestMetrics } from './http/shared/metrics.js';
import { securityHeaders } from './http/shared/security-headers.js';
import { rejectBadUrlText } from './http/shared/text.js';
import { filesRouter } from './http/stored-objects.js';
import { LocalArtifactStore } from './storage/local.js';

/** The Express application: shared middleware, then each face's router, then the JSON 404 and error shape. */
export function buildApp(ctx: AppContext): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.set('trust proxy', ctx.config.trustProxy);
  app.use(securityHeaders);
  app.use(requestLogging(ctx.logger));
  if (ctx.config.metrics.enabled) {
    app.use(requestMetrics(ctx.metrics));
    app.use(metricsRouter(ctx));
  }
  app.use('/v1', bindistRouter(ctx));
  app.use(rejectBadUrlText);
  app.use(resumableUploadsRouter(ctx));
  app.use(cors(ctx.config.allowedCors));
  app.use(healthRouter(ctx));
  app.use(fenfaRouter(ctx));
  app.use(consoleRouter(ctx));
  app.use(productsRouter(ctx));
  app.use(apiDocsRouter(ctx));
  if (ctx.store instanceof LocalArtifactStore) app.use('/files', filesRouter(ctx.store));
  app.use(accountsRouter(ctx));
  app.use(catalogRouter(ctx));
  app.use(releasesRouter(ctx));
  app.use(downloadsRouter(ctx));
  app.use(downloadTokensRouter(ctx));
  app.use(tokensRouter(ctx));
  app.use(telemetryRouter(ctx));
  app.use(reportsRouter(ctx));
  app.use(tufRouter());
  app.use(feedDoctorRouter(ctx, ctx.releases));
  app.use(feedFilesRouter(ctx, ctx.releases));
  app.use(notFoundHandler);
  app.use(errorHandler);
  return app;
}

/**
 * The server's request listener: the hot routes (update checks, feeds) are answered by a lean handler
 * from precomputed bytes; everything else goes to Express.
 */
export function buildHandler(ctx: AppContext): RequestListener {
  const app = buildApp(ctx);
  const hot = hotPath(ctx, app.get('trust proxy fn'));
  return (req, res) => {
    if (!hot(req, res)) app(req, res);
  };
}
