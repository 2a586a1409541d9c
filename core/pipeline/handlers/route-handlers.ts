import type { Route } from '../../nlu/labels.js';
import type { Turn } from '../turn.js';
import { handleFeedback } from './feedback.handler.js';
import { handleHandoff } from './handoff.handler.js';
import { handleOutOfScope } from './out-of-scope.handler.js';
import { handleQuestion } from './question.handler.js';
import { handleSmalltalk } from './smalltalk.handler.js';

export type RouteHandler = (turn: Turn) => Promise<void>;

/** One handler per route: adding a route to the public contract fails compilation here until it is handled. */
export const ROUTE_HANDLERS: Readonly<Record<Route, RouteHandler>> = {
  question: handleQuestion,
  feedback: handleFeedback,
  handoff: handleHandoff,
  smalltalk: handleSmalltalk,
  out_of_scope: handleOutOfScope,
};
