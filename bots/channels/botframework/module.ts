import express from 'express';
import type { Clock } from '../../../core/ports/clock.js';
import type { ChannelModule } from '../../platform.js';
import type { Db } from '../../storage/database.js';
import { createChannelThreadRefRepository } from '../../storage/repositories/channel-thread-ref-repository.js';
import { createDeliveryDeps } from '../shared/module-parts.js';
import { SEND_LIMITS } from '../shared/send-limits.js';
import { createBotFrameworkAdapter } from './adapter.js';
import { createBotFrameworkClient } from './client.js';
import type { BotFrameworkConfig } from './config.js';
import { decodeBotFrameworkActivity } from './decode.js';
import { ActivitySchema } from './schemas.js';

export const BOTFRAMEWORK_PATH = '/api/messages';

/**
 * POST /api/messages through botbuilder's CloudAdapter: it authenticates Microsoft's JWT, then our logic
 * stores the conversation reference (needed to answer later from the queue) and records the events
 * durably; CloudAdapter answers 200 only after that. Replies are sent by the outbound worker like any
 * other channel's, as proactive messages.
 */
export function createBotFrameworkModule(deps: { config: BotFrameworkConfig; db: Db; clock: Clock }): ChannelModule {
  const client = createBotFrameworkClient(deps.config);
  const threadRefs = createChannelThreadRefRepository(deps.db);
  const adapter = createBotFrameworkAdapter({
    client,
    threadRefs,
    delivery: createDeliveryDeps(deps.db, deps.clock, SEND_LIMITS.botframework),
  });
  return {
    adapter,
    webhook: {
      path: BOTFRAMEWORK_PATH,
      createRouter: (routeDeps) => {
        const router = express.Router();
        router.post('/', express.json({ limit: routeDeps.maxBodyBytes }), async (req, res) => {
          const cloudAdapter = await client.cloudAdapter();
          await cloudAdapter.process(req, res, async (context) => {
            const activity = ActivitySchema.parse(context.activity);
            const threadKey = `${activity.channelId}/${activity.conversation.id}`;
            await threadRefs.save('botframework', threadKey, referenceOf(activity), deps.clock.now());
            await routeDeps.ingest.ingest(decodeBotFrameworkActivity(activity, deps.clock.now()));
          });
        });
        return router;
      },
    },
    readiness: {
      name: 'channel:botframework',
      optional: true,
      // The SDK is optional: report whether it loads; Azure itself cannot be probed without a real token.
      check: async () => {
        await client.cloudAdapter();
      },
    },
  };
}

/** What continueConversationAsync needs (botbuilder's ConversationReference). */
function referenceOf(activity: ReturnType<typeof ActivitySchema.parse>): Record<string, unknown> {
  return {
    channelId: activity.channelId,
    serviceUrl: activity.serviceUrl,
    conversation: activity.conversation,
    user: activity.from,
    ...(activity.recipient ? { bot: activity.recipient } : {}),
    ...(activity.id ? { activityId: activity.id } : {}),
  };
}
