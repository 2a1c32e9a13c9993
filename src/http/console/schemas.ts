import { z } from 'zod';
import { SESSION_COOKIE } from '../shared/session-cookie.js';
import { describeRoute, type RouteSpec } from '../shared/validate.js';

/** The console's own routes and the public download pages, with their input schemas (shared/validate.ts). */

const web = <const I extends RouteSpec['input']>(spec: Omit<RouteSpec<I>, 'face'>) =>
  describeRoute({ face: 'console', ...spec });

const csrf = z.object({ csrf: z.string().meta({ description: 'Send it as X-CSRF-Token on every write' }) });

const product = z.object({
  owner: z.string().meta({ description: "The app owner's (admin's) username", examples: ['acme'] }),
  app: z.string().meta({ description: "The app's name", examples: ['myapp'] }),
});

const counts = { visits: z.number().int(), downloads: z.number().int() };

const pageEventReport = z.object({
  app: z.string(),
  from: z.iso.date().meta({ description: 'The first UTC day counted' }),
  to: z.iso.date().meta({ description: 'Today (UTC)' }),
  totals: z.object(counts),
  days: z.array(z.object({ day: z.iso.date(), ...counts })).meta({
    description: 'Days with at least one event, oldest first',
  }),
  platforms: z.array(z.object({ platform: z.string(), ...counts })).meta({
    description: "Per visitor platform family ('' when not recognised), most visits first",
  }),
});

/** The top of the OpenAPI document; its operations and schemas are JSON Schema and OpenAPI objects. */
const openApiDocument = z.object({
  openapi: z.literal('3.1.0'),
  info: z.object({ title: z.string(), version: z.string(), description: z.string() }),
  servers: z.array(z.object({ url: z.string() })).optional(),
  tags: z.array(z.object({ name: z.string(), description: z.string().optional() })),
  'x-tagGroups': z.array(z.object({ name: z.string(), tags: z.array(z.string()) })),
  paths: z.record(z.string(), z.record(z.string(), z.record(z.string(), z.unknown()))),
  components: z.object({
    schemas: z.record(z.string(), z.record(z.string(), z.unknown())),
    securitySchemes: z.record(z.string(), z.record(z.string(), z.unknown())),
  }),
});

const DAYS = '"days" must be a whole number of days from 1 to 366';

export const CONSOLE_ROUTES = {
  page: web({
    method: 'get',
    path: '/',
    tag: 'Console',
    summary: "The console's page, for a browser asking for HTML (others get FaynoSync's listing)",
    input: {},
    responses: { 200: { description: 'The page', contentType: 'text/html' } },
  }),
  asset: web({
    method: 'get',
    path: '/console/:asset',
    tag: 'Console',
    summary: "One of the console's bundles",
    responses: { 200: { description: 'The script or style sheet', contentType: 'text/javascript' } },
    input: { params: z.object({ asset: z.string() }) },
  }),
  signIn: web({
    method: 'post',
    path: '/console/session',
    tag: 'Console',
    summary: 'Signs in: sets the HttpOnly session cookie and answers the CSRF token writes must send',
    responses: { 200: csrf },
    input: {
      body: z.object({
        username: z.string({ error: 'send {"username": "…", "password": "…"}' }),
        password: z.string({ error: 'send {"username": "…", "password": "…"}' }),
      }),
    },
  }),
  session: web({
    method: 'get',
    path: '/console/session',
    tag: 'Console',
    summary: "The signed-in session's CSRF token (after a reload)",
    responses: { 200: csrf },
    input: {},
  }),
  signOut: web({
    method: 'delete',
    path: '/console/session',
    tag: 'Console',
    summary: 'Signs out: clears the session cookie',
    responses: { 200: z.object({ [SESSION_COOKIE]: z.literal('removed') }) },
    input: {},
  }),
  notesPreview: web({
    method: 'post',
    path: '/console/notes-preview',
    tag: 'Console',
    summary: 'The HTML the feeds and the public page make of a changelog',
    responses: { 200: z.object({ html: z.string() }) },
    input: { body: z.object({ changelog: z.string({ error: 'send {"changelog": "<markdown>"}' }) }) },
  }),
  pageEvents: web({
    method: 'get',
    path: '/console/page-events',
    tag: 'Console',
    summary: "Visits and download clicks of an app's public page per UTC day and visitor platform",
    responses: { 200: pageEventReport },
    input: {
      query: z.object({
        app: z
          .string({ error: 'send ?app=<app name>' })
          .min(1, 'send ?app=<app name>')
          .meta({ description: "The app's name", examples: ['myapp'] }),
        days: z.coerce
          .number({ error: DAYS })
          .int(DAYS)
          .min(1, DAYS)
          .max(366, DAYS)
          .default(30)
          .meta({ description: 'How many UTC days, today included (default 30)' }),
      }),
    },
  }),
  productPage: web({
    method: 'get',
    path: '/products/:owner/:app',
    tag: 'Download pages',
    summary: "An app's public download page (a private app's is the same 404 as a missing one)",
    responses: { 200: { description: 'The page', contentType: 'text/html' } },
    input: {
      params: product,
      query: z.object({
        channel: z.string().optional().meta({ description: 'Another channel than the default one' }),
      }),
    },
  }),
  productDownloaded: web({
    method: 'post',
    path: '/products/:owner/:app/downloaded',
    tag: 'Download pages',
    summary: "A download link's ping: counts a click",
    responses: { 204: { description: 'Counted' } },
    input: {
      params: product,
      query: z.object({
        platform: z.string().optional().meta({ description: "The file's platform, as the page named it" }),
      }),
    },
  }),
  openApi: web({
    method: 'get',
    path: '/openapi.json',
    tag: 'API reference',
    summary: 'This OpenAPI 3.1 document',
    input: {},
    responses: { 200: openApiDocument.meta({ description: 'The OpenAPI document' }) },
  }),
  apiReference: web({
    method: 'get',
    path: '/docs',
    tag: 'API reference',
    summary: 'The API reference page (served from this server, no network)',
    input: {},
    responses: { 200: { description: 'The page', contentType: 'text/html' } },
  }),
  apiReferenceDocument: web({
    method: 'get',
    path: '/docs/openapi.json',
    tag: 'API reference',
    summary: 'The document the reference page shows: this one without the Fenfa face but its health check',
    input: {},
    responses: { 200: openApiDocument.meta({ description: 'The OpenAPI document' }) },
  }),
  apiReferenceAsset: web({
    method: 'get',
    path: '/docs/:asset',
    tag: 'API reference',
    summary: "One of the API reference page's scripts and styles",
    input: { params: z.object({ asset: z.string() }) },
    responses: { 200: { description: 'The file', contentType: 'text/javascript' } },
  }),
} as const;
