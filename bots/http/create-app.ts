import express, { type Express, type Router } from 'express';
import helmet from 'helmet';
import type { Logger } from '../../core/ports/logger.js';
import type { Metrics } from '../observability/metrics.js';
import { createErrorHandler, notFoundHandler } from './error-handler.js';
import { refuseUnsafePaths } from './safe-path.js';
import { sameOriginWrites } from './same-origin-writes.js';
import { createStaticUiRouter } from './static-ui.js';

export interface AppParts {
  logger: Logger;
  metrics: Metrics;
  maxBodyBytes: number;
  /** Mounted before the JSON parser: webhooks need the raw bytes for their signatures. */
  webhookRouters: { path: string; router: Router }[];
  apiRouters: { path: string; router: Router }[];
  healthRouter: Router;
  /** Public HTML pages served by the server itself (the law article page of the web chat's citation links). */
  pageRouters?: Router[];
  trustProxy?: boolean;
  /** `PUBLIC_BASE_URL`'s origin: cookie writes from it are ours even behind a proxy that rewrites Host. */
  publicOrigin?: string | undefined;
}

/** Assembles the Express app: security headers, body limits, routes, one error handler. */
export function createApp(parts: AppParts): Express {
  const app = express();
  app.disable('x-powered-by');
  if (parts.trustProxy) app.set('trust proxy', 1);
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'default-src': ["'self'"], 'img-src': ["'self'", 'data:'], 'style-src': ["'self'", "'unsafe-inline'"], 'connect-src': ["'self'"] },
      },
    }),
  );
  app.use((req, res, next) => {
    const end = parts.metrics.httpDuration.startTimer();
    res.on('finish', () => end({ route: req.route?.path ? String(req.baseUrl + req.route.path) : 'other', status: String(res.statusCode) }));
    next();
  });
  app.use(refuseUnsafePaths());
  app.use(parts.healthRouter);
  for (const { path, router } of parts.webhookRouters) app.use(path, router);
  app.use('/api', express.json({ limit: parts.maxBodyBytes }));
  app.use('/api/admin', sameOriginWrites({ publicOrigin: parts.publicOrigin }));
  for (const { path, router } of parts.apiRouters) app.use(path, router);
  app.use('/api', notFoundHandler);
  for (const router of parts.pageRouters ?? []) app.use(router);
  app.use(createStaticUiRouter());
  app.use(notFoundHandler);
  app.use(createErrorHandler(parts.logger));
  return app;
}
