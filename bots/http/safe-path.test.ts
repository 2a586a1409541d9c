import express from 'express';
import request from 'supertest';
import { silentLogger } from '../../core/ports/logger.js';
import { createErrorHandler } from './error-handler.js';
import { refuseUnsafePaths } from './safe-path.js';

function appWithEchoRoute() {
  const app = express();
  app.use(refuseUnsafePaths());
  app.get('/faq/:id', (req, res) => {
    res.json({ id: req.params.id });
  });
  app.use(createErrorHandler(silentLogger));
  return app;
}

describe('refuseUnsafePaths', () => {
  it.each(['/faq/%00', '/faq/a%00b', '/faq/%ED%A0%80', '/faq/%1F'])('refuses %s with 400 MALFORMED_REQUEST', async (path) => {
    const response = await request(appWithEchoRoute()).get(path);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('MALFORMED_REQUEST');
  });

  it('lets ordinary and Vietnamese paths through', async () => {
    const response = await request(appWithEchoRoute()).get('/faq/l%C6%B0%C6%A1ng-t%E1%BB%91i-thi%E1%BB%83u');
    expect(response.status).toBe(200);
    expect(response.body.id).toBe('lương-tối-thiểu');
  });

  it('leaves a malformed escape to the router, which answers 400 as well', async () => {
    const response = await request(appWithEchoRoute()).get('/faq/%E0%A4%A');
    expect(response.status).toBe(400);
  });
});
