import express from 'express';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { Clock } from '../../../core/ports/clock.js';
import type { ChannelDefinition, ChannelModule, ChannelRepositories } from '../shared/channel-module.js';
import { sendAccountKey, type SendBudget } from '../shared/send-budget.js';
import { createDeliveryDeps } from '../shared/module-parts.js';
import { SEND_LIMITS } from '../shared/send-limits.js';
import { createBotFrameworkAdapter } from './adapter.js';
import { createBotFrameworkClient } from './client.js';
import { botFrameworkConfigFromEnv, type BotFrameworkConfig } from './config.js';
import { decodeBotFrameworkActivity } from './decode.js';
import { ActivitySchema } from './schemas.js';

export const BOTFRAMEWORK_PATH = '/api/messages';

/** Bot Framework (optional, isolated): switched on by MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD (README.md). */
export const botFrameworkChannel: ChannelDefinition = {
  channel: 'botframework',
  create: (deps) => {
    const config = botFrameworkConfigFromEnv(deps.env);
    return config ? createBotFrameworkModule({ config, repositories: deps.repositories, clock: deps.clock, sendBudget: deps.sendBudget }) : null;
  },
};

/**
 * POST /api/messages through botbuilder's CloudAdapter: it authenticates Microsoft's JWT, then our logic
 * stores the conversation reference (needed to answer later from the queue) and records the events
 * durably; CloudAdapter answers 200 only after that. Replies are sent by the outbound worker like any
 * other channel's, as proactive messages.
 */
export function createBotFrameworkModule(deps: { config: BotFrameworkConfig; repositories: Pick<ChannelRepositories, 'deliveries' | 'threadRefs'>; clock: Clock; sendBudget?: SendBudget | undefined }): ChannelModule {
  const client = createBotFrameworkClient(deps.config);
  const threadRefs = deps.repositories.threadRefs;
  const adapter = createBotFrameworkAdapter({
    client,
    threadRefs,
    delivery: createDeliveryDeps(deps.repositories.deliveries, deps.clock, SEND_LIMITS.botframework, { budget: deps.sendBudget, account: sendAccountKey('botframework', deps.config.appId) }),
  });
  return {
    adapter,
    webhook: {
      path: BOTFRAMEWORK_PATH,
      createRouter: (routeDeps) => {
        const router = express.Router();
        router.post('/', express.json({ limit: routeDeps.maxBodyBytes }), async (req, res) => {
          // Checked before the SDK: it throws a plain Error on a body without an activity type (a 500 for
          // anyone's input, issue #13), and our logic reads these fields anyway. An activity without them is a 422.
          parseOrThrow(ActivitySchema, req.body, 'body');
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
