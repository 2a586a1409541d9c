import { ROUTE_HANDLERS } from '../handlers/route-handlers.js';
import type { Middleware } from '../turn.js';

/** Hands the message to its route's handler. The last step: it never calls `next`. */
export const routeToHandler: Middleware = async (turn) => {
  if (!turn.nlu) return;
  await ROUTE_HANDLERS[turn.nlu.route](turn);
};
