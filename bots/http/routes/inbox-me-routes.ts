import express, { type Router } from 'express';
import { z } from 'zod';
import {
  AvailabilityBodySchema,
  NOTIFY_CHANNELS,
  NotifyLinkBodySchema,
  type AvailabilityResponse,
  type NotifyChannel,
  type NotifyLinkCodeResponse,
  type NotifyLinksResponse,
} from '../../../core/contracts/inbox-api.js';
import { AppError } from '../../../core/errors/app-error.js';
import type { Clock } from '../../../core/ports/clock.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import type { SessionTokens } from '../../auth/session-token.js';
import type { InboxQueue } from '../../inbox/inbox-queue.js';
import type { AuditRepository } from '../../storage/repositories/audit-repository.js';
import type { InboxWriteRepository } from '../../storage/repositories/inbox-write-repository.js';
import { OFFICER_LINK_CODE_MINUTES, type OfficerLinkRepository } from '../../storage/repositories/officer-link-repository.js';
import type { UserRepository } from '../../storage/repositories/user-repository.js';
import { currentUser, requireAuth } from '../auth-middleware.js';

export interface InboxMeRouteDeps {
  write: InboxWriteRepository;
  inboxQueue: InboxQueue;
  officerLinks: OfficerLinkRepository;
  clock: Clock;
  audit: AuditRepository;
  /** The notice channels switched on in this deployment (their adapters exist). */
  notifyChannels: readonly NotifyChannel[];
  tokens: SessionTokens;
  users: UserRepository;
}

const ChannelParams = z.object({ channel: z.enum(NOTIFY_CHANNELS) });
const CHANNEL_NAMES = { telegram: 'Telegram', zalo: 'Zalo' } as const;

/**
 * `/api/admin/me/availability`: an officer sets themselves available or away (auto-assignment picks only the
 * available). `/api/admin/me/notify-link`: link their own Telegram/Zalo account for short inbox notices.
 */
export function createInboxMeRouter(deps: InboxMeRouteDeps): Router {
  const router = express.Router();
  router.use(['/availability', '/notify-link'], requireAuth(deps));

  const current = async (userId: string): Promise<AvailabilityResponse> => {
    const row = await deps.write.availabilityOf(userId);
    return { availability: row.availability === 'available' ? 'available' : 'away', capacity: row.capacity, openConversations: row.open };
  };

  router.get('/availability', async (_req, res) => {
    res.json(await current(currentUser(res).id));
  });

  router.put('/availability', async (req, res) => {
    const user = currentUser(res);
    const body = parseOrThrow(AvailabilityBodySchema, req.body, 'body');
    await deps.write.setAvailability(user.id, body.availability);
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'availability_set', targetType: 'user', targetId: user.id, unitId: user.unit.id, details: { availability: body.availability } });
    // Becoming available frees capacity: the unit's waiting conversations may now be assigned.
    if (body.availability === 'available') await deps.inboxQueue.officerFreed(user.id);
    res.json(await current(user.id));
  });

  router.get('/notify-link', async (_req, res) => {
    const targets = await deps.officerLinks.targets(currentUser(res).id);
    const links = NOTIFY_CHANNELS.flatMap((channel) => (targets[channel] ? [{ channel, linkedAt: targets[channel].linkedAt }] : []));
    res.json({ links, available: [...deps.notifyChannels] } satisfies NotifyLinksResponse);
  });

  router.post('/notify-link', async (req, res) => {
    const user = currentUser(res);
    const { channel } = parseOrThrow(NotifyLinkBodySchema, req.body, 'body');
    if (!deps.notifyChannels.includes(channel)) {
      throw new AppError('CHANNEL_NOT_CONFIGURED', `${CHANNEL_NAMES[channel]} is not switched on in this deployment`, { fields: [{ path: 'channel', message: `hệ thống chưa kết nối ${CHANNEL_NAMES[channel]}` }] });
    }
    const { code, expiresAt } = await deps.officerLinks.createCode(user.id, channel, deps.clock.now());
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'notify_link_code', targetType: 'user', targetId: user.id, unitId: user.unit.id, details: { channel } });
    const instructions = `Trong ${OFFICER_LINK_CODE_MINUTES} phút, gửi tin nhắn "/canbo ${code}" cho trợ lý Công đoàn trên ${CHANNEL_NAMES[channel]} bằng tài khoản của bạn.`;
    res.status(201).json({ channel, code, expiresAt: expiresAt.toISOString(), instructions } satisfies NotifyLinkCodeResponse);
  });

  router.delete('/notify-link/:channel', async (req, res) => {
    const user = currentUser(res);
    const { channel } = parseOrThrow(ChannelParams, req.params, 'params');
    await deps.officerLinks.unlink(user.id, channel);
    await deps.audit.record({ actorUserId: user.id, actor: user.email, action: 'notify_unlink', targetType: 'user', targetId: user.id, unitId: user.unit.id, details: { channel } });
    res.status(204).end();
  });

  return router;
}
