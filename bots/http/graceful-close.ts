import type { IncomingMessage, Server, ServerResponse } from 'node:http';

/**
 * Closes an HTTP server without cutting a request in half (SIGTERM from an orchestrator, a rolling update):
 * stop accepting, let every request in flight get its answer (a webhook's 200 comes only after its message is
 * stored), then close. Keep-alive connections are closed as soon as they are idle and answers given while
 * closing carry `Connection: close`; live event streams (web chat SSE), which never end by themselves, are
 * ended at once so the browser reconnects to another server. After `graceMs` whatever is left is cut.
 */
export function gracefulCloser(server: Server): { close(graceMs: number): Promise<void> } {
  const open = new Set<ServerResponse>();
  let closing = false;
  // Before the app's own listener, so the header is set before any answer starts.
  server.prependListener('request', (_req: IncomingMessage, res: ServerResponse) => {
    if (closing && !res.headersSent) res.setHeader('connection', 'close');
    open.add(res);
    res.once('close', () => open.delete(res));
  });
  const isStream = (res: ServerResponse) => String(res.getHeader('content-type') ?? '').startsWith('text/event-stream');

  return {
    close(graceMs) {
      closing = true;
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      for (const res of open) if (isStream(res)) res.end();
      server.closeIdleConnections();
      const sweep = setInterval(() => server.closeIdleConnections(), 100);
      const deadline = setTimeout(() => server.closeAllConnections(), graceMs);
      return closed.finally(() => {
        clearInterval(sweep);
        clearTimeout(deadline);
      });
    },
  };
}
