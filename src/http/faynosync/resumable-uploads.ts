import { type ErrorRequestHandler, type Request, type RequestHandler, type Response, Router } from 'express';
import type { AppContext } from '../../context.js';
import { appendToUploadSession } from '../../core/commands/append-to-upload-session.js';
import { deleteUploadSession } from '../../core/commands/delete-upload-session.js';
import { openUploadSession } from '../../core/commands/open-upload-session.js';
import { uploadSessionStatus } from '../../core/releases/upload-sessions.js';
import { fenfaCallerFor, sendsFenfaToken } from '../fenfa/auth.js';
import { fenfaErrorHandler, sendFenfaError } from '../fenfa/envelope.js';
import { actorOf, authenticate } from '../shared/auth.js';
import { cors } from '../shared/cors.js';
import { drain } from '../shared/multipart.js';
import { routeInput } from '../shared/validate.js';
import { FAYNOSYNC_ROUTES as R } from './schemas/routes.js';

const TUS_VERSION = '1.0.0';
const TUS_EXTENSIONS = 'creation,termination,expiration';
const PATCH_CONTENT_TYPE = 'application/offset+octet-stream';
/** A refused PATCH body is read on (and thrown away) up to this much, so the client hears why; past it, cut off. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/** A refusal the protocol gives its own status (412, 415), in the error shape of the credentials sent. */
function refuse(req: Request, res: Response, status: number, message: string): void {
  if (sendsFenfaToken(req)) sendFenfaError(res, status, 'BAD_REQUEST', message);
  else res.status(status).json({ error: message });
}

/**
 * Resumable uploads: the tus 1.0 protocol (core, creation, termination and expiration) at `/uploads`, for the two
 * faces whose uploads take large files. With FaynoSync's credentials (a login token, an `fns_` API token or the
 * console's session) it answers in FaynoSync's error shape, and the bytes become a release when `/upload` (or
 * `/apps/update`) names the session in `data.uploads`; with Fenfa's `X-Auth-Token` (upload or admin scope) it answers
 * in Fenfa's envelope, and Fenfa's `/upload` and smart uploads take the session as `upload_id`. A session belongs to
 * the tenant and the user or token that opened it. Mounted before the server-wide CORS handler, whose pre-flights
 * would otherwise answer OPTIONS without the protocol's headers.
 */
export function resumableUploadsRouter(ctx: AppContext): Router {
  const router = Router();
  const faynosyncAuth = authenticate(ctx, { apiTokens: true });
  const auth: RequestHandler = async (req, res, next) => {
    if (!sendsFenfaToken(req)) return faynosyncAuth(req, res, next);
    res.locals.actor = (await fenfaCallerFor(ctx, req, 'upload')).actor;
    next();
  };
  const location = (id: string) => `${new URL(ctx.config.apiUrl).pathname.replace(/\/+$/, '')}/uploads/${id}`;

  const protocol: RequestHandler = (req, res, next) => {
    res.setHeader('Tus-Resumable', TUS_VERSION);
    if (req.method !== 'OPTIONS' && req.headers['tus-resumable'] !== TUS_VERSION) {
      res.setHeader('Tus-Version', TUS_VERSION);
      refuse(req, res, 412, `send Tus-Resumable: ${TUS_VERSION}: this server speaks tus ${TUS_VERSION}`);
      return;
    }
    next();
  };
  router.use(
    '/uploads',
    protocol,
    cors(ctx.config.allowedCors, {
      allowHeaders: ['Tus-Resumable', 'Upload-Length', 'Upload-Metadata', 'Upload-Offset', 'X-Auth-Token'],
      exposeHeaders: [
        'Location',
        'Tus-Resumable',
        'Tus-Version',
        'Tus-Extension',
        'Tus-Max-Size',
        'Upload-Offset',
        'Upload-Length',
        'Upload-Metadata',
        'Upload-Expires',
      ],
      preflightHeaders: () => ({
        'Tus-Version': TUS_VERSION,
        'Tus-Extension': TUS_EXTENSIONS,
        'Tus-Max-Size': String(ctx.config.uploadMaxBytes),
      }),
    }),
  );

  router.post('/uploads', auth, async (req, res) => {
    const { headers } = routeInput(R.createUpload, req);
    const session = await openUploadSession(ctx, actorOf(res), {
      length: headers['upload-length'],
      fileName: headers['upload-metadata'].fileName,
      metadata: headers['upload-metadata'].raw,
    });
    res
      .status(201)
      .set({
        Location: location(session.id),
        'Upload-Offset': '0',
        'Upload-Expires': session.expiresAt.toUTCString(),
      })
      .end();
  });

  router.head('/uploads/:id', auth, async (req, res) => {
    const { id } = routeInput(R.uploadOffset, req).params;
    const session = await uploadSessionStatus(ctx, actorOf(res), id);
    res
      .status(200)
      .set({
        'Cache-Control': 'no-store',
        'Upload-Offset': String(session.offset),
        'Upload-Length': String(session.length),
        'Upload-Expires': session.expiresAt.toUTCString(),
        ...(session.metadata ? { 'Upload-Metadata': session.metadata } : {}),
      })
      .end();
  });

  router.patch('/uploads/:id', auth, async (req, res) => {
    try {
      const contentType = (req.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase();
      if (contentType !== PATCH_CONTENT_TYPE) {
        await drain(req, MAX_DRAIN_BYTES);
        refuse(req, res, 415, `send the bytes with Content-Type: ${PATCH_CONTENT_TYPE}`);
        return;
      }
      const { params, headers } = routeInput(R.appendUpload, req);
      const result = await appendToUploadSession(
        ctx,
        actorOf(res),
        params.id,
        headers['upload-offset'],
        req,
        headers['content-length'],
      );
      res
        .status(204)
        .set({ 'Upload-Offset': String(result.offset), 'Upload-Expires': result.expiresAt.toUTCString() })
        .end();
    } catch (err) {
      // Answer once the client has finished sending: an early answer would reach it as a reset connection.
      await drain(req, MAX_DRAIN_BYTES);
      throw err;
    }
  });

  router.delete('/uploads/:id', auth, async (req, res) => {
    await deleteUploadSession(ctx, actorOf(res), routeInput(R.deleteUpload, req).params.id);
    res.status(204).end();
  });

  const fenfaErrors: ErrorRequestHandler = (err, req, res, next) => {
    if (sendsFenfaToken(req)) fenfaErrorHandler(err, req, res, next);
    else next(err);
  };
  router.use('/uploads', fenfaErrors);
  return router;
}
