import { createHash } from 'node:crypto';
import type { WebhookRequest } from '../../../core/channels/channel-adapter.js';
import { AppError } from '../../../core/errors/app-error.js';
import { fieldIssuesFromZod } from '../../../core/errors/zod-issues.js';
import { WebchatSendSchema } from '../../../core/contracts/webchat-api.js';
import type { InboundEvent } from '../../../core/messages/inbound.js';
import { toNfc } from '../../../core/text/vietnamese-fold.js';

/** One POST from the /chat page is one member message; the page's own ids make retries idempotent. */
export function decodeWebchat(request: WebhookRequest, receivedAt: Date): InboundEvent[] {
  let json: unknown;
  try {
    json = JSON.parse(request.rawBody.toString('utf8'));
  } catch (error) {
    throw new AppError('MALFORMED_BODY', 'the body is not valid JSON', { cause: error });
  }
  const parsed = WebchatSendSchema.safeParse(json);
  if (!parsed.success) {
    const fields = fieldIssuesFromZod(parsed.error, 'body');
    throw new AppError('VALIDATION_FAILED', `invalid web chat message: ${fields.map((f) => `${f.path}: ${f.message}`).join('; ')}`, { fields });
  }
  const body = parsed.data;
  const content = body.postback
    ? { type: 'postback' as const, payload: body.postback.payload, text: body.postback.title }
    : { type: 'text' as const, text: toNfc(body.text ?? '') };
  return [
    {
      kind: 'message',
      channel: 'web',
      platformMessageId: body.clientMessageId,
      sender: { platformUserId: body.sessionId, threadId: body.sessionId, ...(body.displayName ? { displayName: body.displayName } : {}) },
      content,
      sentAt: receivedAt,
      ...(body.unitCode ? { joinCode: body.unitCode } : {}),
      // Every web session is a new identity: limits on guessing link codes also count per address (issue #15).
      ...(request.remoteAddress ? { address: createHash('sha256').update(`cd-address:${request.remoteAddress}`).digest('hex').slice(0, 24) } : {}),
    },
  ];
}
