import type { ChannelAdapter } from '../../../core/channels/channel-adapter.js';
import { degradeContent } from '../../../core/channels/degrade.js';
import type { RealtimeHub } from '../../realtime/realtime-hub.js';
import { WEB_CAPABILITIES } from './capabilities.js';
import { decodeWebchat } from './decode.js';
import { renderWebchat, webchatTopic } from './render.js';

/**
 * The web chat channel. It has no platform signature (the page is ours, served same-origin); `send`
 * pushes the rendered reply to the member's browser through the realtime hub. The message is already
 * stored, so a browser that was offline gets it from the history endpoint.
 */
export function createWebchatAdapter(deps: { hub: RealtimeHub }): ChannelAdapter {
  return {
    channel: 'web',
    capabilities: WEB_CAPABILITIES,
    verify: () => ({ kind: 'accepted' }),
    decode: decodeWebchat,
    async send(message) {
      const parts = degradeContent(message.content, WEB_CAPABILITIES);
      await deps.hub.publish(webchatTopic(message.recipient.platformUserId), renderWebchat(message, parts));
      return { ok: true, platformMessageIds: [message.id] };
    },
  };
}
