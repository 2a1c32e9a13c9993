import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BINDIST_ROUTES } from '../../src/http/bindist/schemas/routes.js';
import { CONSOLE_ROUTES } from '../../src/http/console/schemas.js';
import { FAYNOSYNC_NAMED, FAYNOSYNC_ROUTES } from '../../src/http/faynosync/schemas/routes.js';
import { FENFA_ROUTES } from '../../src/http/fenfa/schemas/routes.js';
import type { RouteSpec } from '../../src/http/shared/validate.js';
import { buildApp } from '../../src/server.js';
import { createTestApp, type TestApp } from '../helpers/app.js';

/** Express 5 keeps a router's layers in `stack`; a mounted router is a layer whose handle has its own stack. */
interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle: { stack?: Layer[] };
}

/** Every method and path the routers register, with the mount prefix of the router that holds it. */
function registered(stack: Layer[], prefix: string, out: string[] = []): string[] {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
      const methods = layer.route.methods._all ? ['all'] : Object.keys(layer.route.methods);
      for (const method of methods) for (const path of paths) out.push(`${method} ${prefix}${path}`);
    } else if (layer.handle.stack) {
      registered(layer.handle.stack, prefix, out);
    }
  }
  return out;
}

/** Whether a layer (a route or a router, at any depth) registers `path`. */
function holds(layer: Layer, path: string): boolean {
  if (layer.route) return layer.route.path === path;
  return layer.handle.stack?.some((inner) => holds(inner, path)) ?? false;
}

function described(routes: RouteSpec[], prefix: string): Set<string> {
  const keys = new Set<string>();
  for (const route of routes) {
    const paths = typeof route.path === 'string' ? [route.path] : route.path;
    for (const path of paths) keys.add(`${route.method} ${prefix}${path}`);
  }
  return keys;
}

/**
 * Exempt by name: the feeds (their files and the feed doctor, which parse their own paths like the hot path), the
 * local driver's object URLs under /files (`/public/*key`, `/private/*key`) and the operator's /metrics.
 */
const EXEMPT = [/^get \/update\/:owner\/:app\//, /^get \/(public|private)\/\*key$/, /^get \/metrics$/];

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ METRICS_ENABLED: 'true' });
});
afterAll(() => t.close());

describe('route schemas', () => {
  it('describe every route the FaynoSync and BinDist routers register', () => {
    const app = buildApp(t.ctx) as unknown as { router: { stack: Layer[] } };
    const faynosync = [
      ...Object.values(FAYNOSYNC_ROUTES),
      ...Object.values(FAYNOSYNC_NAMED).flatMap((kind) => Object.values(kind)),
    ] as RouteSpec[];
    const known = new Set([
      ...described(faynosync, ''),
      ...described(Object.values(CONSOLE_ROUTES) as RouteSpec[], ''),
      ...described(Object.values(FENFA_ROUTES) as RouteSpec[], ''),
      ...described(Object.values(BINDIST_ROUTES) as RouteSpec[], '/v1'),
    ]);
    // The /v1 router is mounted at /v1; its own layers do not know that.
    const bindistStack = app.router.stack.find((l) => !l.route && holds(l, '/applications/:applicationId'));
    const outside = registered(
      app.router.stack.filter((l) => l !== bindistStack),
      '',
    );
    const inside = registered(bindistStack?.handle.stack ?? [], '/v1');
    expect(inside.length).toBeGreaterThan(20);
    const missing = [...outside, ...inside].filter((r) => !known.has(r) && !EXEMPT.some((e) => e.test(r)));
    expect(missing).toEqual([]);
  });
});
