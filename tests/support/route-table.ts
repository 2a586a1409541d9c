import type { Express } from 'express';

/** One route an Express app answers: its method and full path template (`/api/admin/faq/:id`). */
export interface RouteEntry {
  method: string;
  path: string;
}

interface LayerLike {
  rawPath?: unknown;
  route?: { path: unknown; methods: Record<string, boolean> };
  handle?: { stack?: LayerLike[] };
}

function joinPath(prefix: string, path: string): string {
  const joined = `${prefix}/${path}`.replace(/\/+/g, '/');
  return joined.length > 1 ? joined.replace(/\/$/, '') || '/' : joined;
}

function walk(stack: LayerLike[], prefix: string, out: RouteEntry[]): void {
  for (const layer of stack) {
    if (layer.route) {
      const paths = Array.isArray(layer.route.path) ? (layer.route.path as unknown[]) : [layer.route.path];
      for (const path of paths) {
        for (const [method, on] of Object.entries(layer.route.methods)) {
          if (on && method !== '_all') out.push({ method: method.toUpperCase(), path: joinPath(prefix, String(path)) });
        }
      }
    } else if (layer.handle?.stack) {
      // A mounted router: its own layers, under the mount path (router 2 keeps it as `rawPath`).
      const mount = typeof layer.rawPath === 'string' ? layer.rawPath : '/';
      walk(layer.handle.stack, joinPath(prefix, mount), out);
    }
  }
}

/**
 * Every route of an Express 5 app, read from its routers (the fuzz suite drives each one, so a route added to a
 * router is fuzzed without anyone updating a list). Static file middleware has no routes and is not listed.
 */
export function listRoutes(app: Express): RouteEntry[] {
  const out: RouteEntry[] = [];
  walk(((app as unknown as { router: { stack: LayerLike[] } }).router).stack, '', out);
  const seen = new Set<string>();
  return out.filter((entry) => {
    const key = `${entry.method} ${entry.path}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
