import type { Express } from 'express';

/** Express 5 keeps a router's layers in `stack`; a mounted router is a layer whose handle has its own stack. */
interface Layer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
  rawPath?: string;
  slash?: boolean;
}

/** Every method (`all` for ALL) and Express path the app's routers register, mounted routers' prefixes included. */
export function expressRoutes(app: Express): { method: string; path: string }[] {
  const out: { method: string; path: string }[] = [];
  const walk = (stack: Layer[], prefix: string) => {
    for (const layer of stack) {
      if (layer.route) {
        const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
        const methods = layer.route.methods._all ? ['all'] : Object.keys(layer.route.methods);
        for (const method of methods)
          for (const path of paths) out.push({ method, path: `${prefix}${path}` });
      } else if (layer.handle?.stack) {
        const mount = layer.slash || typeof layer.rawPath !== 'string' ? '' : layer.rawPath;
        walk(layer.handle.stack, `${prefix}${mount}`);
      }
    }
  };
  walk((app as unknown as { router: { stack: Layer[] } }).router.stack, '');
  return out;
}
