import { randomUUID } from 'node:crypto';
import type { ChannelAdapter } from '../../core/channels/channel-adapter.js';
import type { ChannelId } from '../../core/messages/channels.js';
import type { OutboundMessage } from '../../core/messages/outbound.js';
import type { Clock } from '../../core/ports/clock.js';
import type { Logger } from '../../core/ports/logger.js';
import type { InboxRow } from '../storage/repositories/inbox-read-repository.js';
import type { OfficerLinkRepository } from '../storage/repositories/officer-link-repository.js';
import type { OfficerNoticeReason } from './inbox-queue.js';

export interface OfficerNoticeDeps {
  links: OfficerLinkRepository;
  adapters: (channel: ChannelId) => ChannelAdapter | undefined;
  clock: Clock;
  logger: Logger;
  /** Where the admin app is (`PUBLIC_BASE_URL`); the notice links to the conversation there. */
  publicBaseUrl: string | undefined;
}

/** The notice: unit, urgency and a link. Never the member's name or words (a phone's lock screen shows it). */
export function officerNoticeText(row: InboxRow, reason: OfficerNoticeReason, publicBaseUrl: string | undefined): string {
  const unit = row.queueUnitName ?? row.unitName ?? 'đơn vị của bạn';
  const link = `${(publicBaseUrl ?? '').replace(/\/$/, '')}/admin/inbox/${row.id}`;
  switch (reason) {
    case 'urgent':
      return `🔴 KHẨN CẤP: một đoàn viên của ${unit} cần cán bộ ngay. Mở hộp thư: ${link}`;
    case 'assigned':
      return `Bạn vừa được giao một cuộc trò chuyện của ${unit}${row.urgent ? ' (khẩn cấp)' : ''}. Mở: ${link}`;
    case 'escalated':
      return `Một cuộc trò chuyện chưa có cán bộ nhận đã quá hạn và chuyển lên ${unit}${row.urgent ? ' (khẩn cấp)' : ''}. Mở: ${link}`;
  }
}

/**
 * Sends the notice to every linked account of the officers, through the channel adapter and its policy (a
 * Zalo account silent for too long is held by the policy: skipped, logged). Best effort: a notice never fails
 * the inbox step that caused it, and it is not stored as a conversation message.
 */
export function createOfficerNotifier(deps: OfficerNoticeDeps): (officerIds: string[], row: InboxRow, reason: OfficerNoticeReason) => Promise<void> {
  return async (officerIds, row, reason) => {
    const text = officerNoticeText(row, reason, deps.publicBaseUrl);
    for (const officerId of new Set(officerIds)) {
      const targets = await deps.links.targets(officerId).catch(() => ({}));
      for (const [channel, target] of Object.entries(targets) as [ChannelId, { platformUserId: string; threadId: string; linkedAt: string }][]) {
        const adapter = deps.adapters(channel);
        if (!adapter || !target) continue;
        const message: OutboundMessage = {
          id: randomUUID(),
          conversationId: row.id,
          channel,
          recipient: { platformUserId: target.platformUserId, threadId: target.threadId },
          content: { type: 'text', text },
          author: 'system',
          kind: 'system',
          replyToPlatformMessageId: null,
          attempt: 1,
        };
        const context = { now: deps.clock.now(), lastInboundAt: new Date(target.linkedAt), lastInboundPlatformMessageId: null, channelState: {} };
        try {
          const decision = adapter.checkPolicy?.(message, context) ?? { allow: true as const, plan: undefined };
          if (!decision.allow) {
            deps.logger.warn({ officerId, channel, code: decision.code }, 'officer notice held by the channel policy');
            continue;
          }
          const result = await adapter.send(message, { plan: decision.plan, context });
          if (!result.ok) deps.logger.warn({ officerId, channel, code: result.code }, 'officer notice not delivered');
        } catch (error) {
          deps.logger.warn({ err: error, officerId, channel }, 'officer notice failed');
        }
      }
    }
  };
}
