import { createWebchatRouter } from '../../http/routes/webchat-routes.js';
import type { RealtimeHub } from '../../realtime/realtime-hub.js';
import type { ChannelDefinition, ChannelModule, ChannelRepositories } from '../shared/channel-module.js';
import { createWebchatAdapter } from './adapter.js';

export const WEBCHAT_PATH = '/api/webchat';

/** The web chat (`/chat`): always on, it needs no platform account. */
export const webchatChannel: ChannelDefinition = {
  channel: 'web',
  create: (deps) => createWebchatModule({ hub: deps.hub, repositories: deps.repositories }),
};

/**
 * Web chat as a platform module like the others: its "webhook" is the page's API under /api/webchat
 * (send, history, live events), its send pushes through the realtime hub (README.md).
 */
export function createWebchatModule(deps: { hub: RealtimeHub; repositories: Pick<ChannelRepositories, 'history'> }): ChannelModule {
  const adapter = createWebchatAdapter({ hub: deps.hub });
  return {
    adapter,
    webhook: {
      path: WEBCHAT_PATH,
      createRouter: (routeDeps) =>
        createWebchatRouter({
          adapter,
          ingest: routeDeps.ingest,
          history: deps.repositories.history,
          hub: deps.hub,
          clock: routeDeps.clock,
          metrics: routeDeps.metrics,
          maxBodyBytes: routeDeps.maxBodyBytes,
        }),
    },
  };
}
