import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

export const UI_DIST = fileURLToPath(new URL('../../admin-ui/dist', import.meta.url));

/**
 * Serves the built front-end (admin-ui/dist, built by `npm install`/`npm start`): the admin app under
 * /admin/ (client-side routes fall back to its index.html) and the member chat page at /chat.
 */
export function createStaticUiRouter(): Router {
  // Strict routing: "/admin" redirects to "/admin/", which must not match "/admin" again.
  const router = express.Router({ strict: true });
  const missing = (_req: express.Request, res: express.Response) => {
    res.status(503).type('text/plain; charset=utf-8').send('Giao diện chưa được build. Chạy: npm run build:ui');
  };
  router.use('/static', express.static(join(UI_DIST, 'static'), { immutable: true, maxAge: '365d', index: false }));
  router.get('/', (_req, res) => res.redirect('/chat'));
  router.get('/admin', (_req, res) => res.redirect('/admin/'));
  router.get(['/admin/', '/admin/*splat'], (req, res) => {
    const file = join(UI_DIST, 'admin.html');
    if (!existsSync(file)) return missing(req, res);
    res.sendFile(file, { headers: { 'cache-control': 'no-store' } });
  });
  router.get('/chat', (req, res) => {
    const file = join(UI_DIST, 'chat.html');
    if (!existsSync(file)) return missing(req, res);
    res.sendFile(file, { headers: { 'cache-control': 'no-store' } });
  });
  return router;
}
