import type { WebhookRequest } from '../../../core/channels/channel-adapter.js';
import type { InboundContent } from '../../../core/messages/content.js';
import type { InboundEvent, Sender } from '../../../core/messages/inbound.js';
import { toNfc } from '../../../core/text/vietnamese-fold.js';
import { parseWebhookJson } from '../shared/webhook-json.js';
import { ActivitySchema, type BotFrameworkActivity } from './schemas.js';

/** The raw-body form, for the contract suite and tools; the route decodes the activity CloudAdapter authenticated. */
export function decodeBotFrameworkRequest(request: WebhookRequest, receivedAt: Date): InboundEvent[] {
  return decodeBotFrameworkActivity(parseWebhookJson(request, ActivitySchema, 'Bot Framework activity'), receivedAt);
}

/**
 * Ids are prefixed with the Bot Framework channel (`msteams/…`, `directline/…`): user and conversation
 * ids are only unique within one channel. A message is keyed by conversation and activity id.
 */
export function decodeBotFrameworkActivity(activity: BotFrameworkActivity, receivedAt: Date): InboundEvent[] {
  const sentAt = activity.timestamp ? new Date(activity.timestamp) : receivedAt;
  const at = Number.isNaN(sentAt.getTime()) ? receivedAt : sentAt;
  const threadId = `${activity.channelId}/${activity.conversation.id}`;
  if (activity.conversation.isGroup) return [ignored('group conversation')];
  if (activity.type === 'message') {
    if (!activity.id) return [ignored('message without id')];
    return [
      {
        kind: 'message',
        channel: 'botframework',
        platformMessageId: `${threadId}/${activity.id}`,
        sender: sender(activity, activity.from, threadId),
        content: messageContent(activity),
        sentAt: at,
      },
    ];
  }
  if (activity.type === 'conversationUpdate') {
    const botId = activity.recipient?.id;
    const added = (activity.membersAdded ?? []).filter((m) => m.id !== botId);
    const removed = (activity.membersRemoved ?? []).filter((m) => m.id !== botId);
    return [
      ...added.map((m): InboundEvent => ({ kind: 'follow', channel: 'botframework', sender: sender(activity, m, threadId), sentAt: at })),
      ...removed.map((m): InboundEvent => ({ kind: 'unfollow', channel: 'botframework', sender: sender(activity, m, threadId), sentAt: at })),
    ].concat(added.length + removed.length === 0 ? [ignored('conversation update about the bot')] : []);
  }
  return [ignored(`activity ${activity.type}`)];
}

/** A button we rendered (messageBack) carries `value.payload`; an image attachment becomes media. */
function messageContent(activity: BotFrameworkActivity): InboundContent {
  const value = activity.value as { payload?: unknown } | undefined;
  if (value && typeof value.payload === 'string') return { type: 'postback', payload: value.payload, ...(activity.text ? { text: toNfc(activity.text) } : {}) };
  if (activity.text) return { type: 'text', text: toNfc(activity.text) };
  const file = activity.attachments?.find((a) => a.contentUrl);
  if (file?.contentUrl) {
    return { type: 'media', kind: file.contentType.startsWith('image/') ? 'image' : 'file', url: file.contentUrl, ...(file.name ? { name: file.name } : {}) };
  }
  return { type: 'unsupported', platformType: 'botframework:message' };
}

function sender(activity: BotFrameworkActivity, account: { id: string; name?: string | undefined }, threadId: string): Sender {
  return { platformUserId: `${activity.channelId}/${account.id}`, threadId, ...(account.name ? { displayName: toNfc(account.name) } : {}) };
}

function ignored(reason: string): InboundEvent {
  return { kind: 'ignored', channel: 'botframework', reason };
}
