import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { contentText } from '../../../core/messages/content.js';
import { deliverConversationOutbound } from '../../../core/processing/deliver-outbound.js';
import { processConversationInbound } from '../../../core/processing/process-inbound.js';
import { createRedactor } from '../../../intents/index.js';
import { bootPlatform, seedIfEmpty } from '../../bootstrap.js';
import { createCliAdapter } from '../../channels/cli/adapter.js';
import { formatDemoCredentials } from '../../seed/seed-demo.js';
import type { Db } from '../../storage/database.js';
import { conversations, messages } from '../../storage/schema/index.js';
import { withBase, type CliIo } from '../cli-context.js';

const ChatOptionsSchema = z.object({
  text: z.string().trim().min(1, 'the message must not be empty').max(4000),
  format: z.enum(['text', 'json']),
  session: z.string().trim().min(1).max(100).optional(),
  unit: z.string().trim().max(32).optional(),
});

export interface ChatResult {
  route: string | null;
  topic: string | null;
  sentiment: string | null;
  confidence: number | null;
  reply: string;
  citations: { law_id: string; article_no: string }[];
  handoff: boolean;
}

/**
 * `congdoan chat "text"`: one message through the full pipeline on the configured store, as a member of
 * the CLI channel. Same code path as a webhook (record → process → deliver), run in this process.
 */
export function registerChatCommand(program: Command, io: CliIo): void {
  program
    .command('chat')
    .argument('<text>', 'the member message')
    .description('send one message through the full pipeline and print the bot\'s answer')
    .option('--format <format>', 'text or json', 'text')
    .option('--session <id>', 'continue a CLI conversation (default: a new one)')
    .option('--unit <code>', 'grassroots union code of the member')
    .action(async (text: string, raw: Record<string, string>) => {
      const options = parseOrThrow(ChatOptionsSchema, { ...raw, text });
      await withBase(io, async (base) => {
        const seeded = await seedIfEmpty(base);
        if (seeded.created) io.stderr(formatDemoCredentials(seeded, base.env.PUBLIC_BASE_URL ?? `http://localhost:${base.env.PORT}`));
        const cli = createCliAdapter();
        const platform = await bootPlatform(base, [{ adapter: cli }]);
        try {
          const session = options.session ?? `cli-${randomUUID()}`;
          const recorded = await platform.repositories.ingest.recordInbound({
            channel: 'cli',
            platformMessageId: randomUUID(),
            sender: { platformUserId: session, threadId: session },
            content: { type: 'text', text: options.text },
            sentAt: platform.clock.now(),
            receivedAt: platform.clock.now(),
            joinCode: options.unit,
          });
          await processConversationInbound(
            { store: platform.repositories.inbound, ports: platform.turnPorts, queue: { enqueue: async () => undefined }, redactor: createRedactor(), leaseMs: base.env.INBOUND_LEASE_MS },
            recorded.conversationId,
          );
          await deliverConversationOutbound(
            { store: platform.repositories.outbound, adapters: platform.adapters, clock: platform.clock, logger: base.logger, leaseMs: base.env.INBOUND_LEASE_MS, maxAttempts: 1 },
            recorded.conversationId,
          );
          const result = await summarise(base.database.db, recorded.status === 'accepted' ? recorded.messageId : null, recorded.conversationId, cli.delivered);
          io.stdout(options.format === 'json' ? JSON.stringify(result) : formatText(result));
        } finally {
          await platform.stop();
        }
      });
    });
}

async function summarise(
  db: Db,
  messageId: string | null,
  conversationId: string,
  delivered: ReturnType<typeof createCliAdapter>['delivered'],
): Promise<ChatResult> {
  const [inbound] = messageId ? await db.select().from(messages).where(eq(messages.id, messageId)) : [];
  const [conversation] = await db.select().from(conversations).where(eq(conversations.id, conversationId));
  const stored = await Promise.all(delivered.map(async (m) => (await db.select().from(messages).where(eq(messages.id, m.id)))[0]));
  const citations = stored.flatMap((row) => (Array.isArray(row?.meta.citations) ? (row.meta.citations as { lawId: string; articleNo: string }[]) : []));
  return {
    route: inbound?.route ?? null,
    topic: inbound?.topic ?? null,
    sentiment: inbound?.sentiment ?? null,
    confidence: inbound?.routeConfidence ?? null,
    reply: delivered.map((m) => replyText(m.content)).join('\n\n'),
    citations: citations.map((c) => ({ law_id: c.lawId, article_no: c.articleNo })),
    handoff: conversation?.state === 'waiting_officer' || conversation?.state === 'officer',
  };
}

function replyText(content: Parameters<typeof contentText>[0]): string {
  if (content.type === 'choices') return [content.text, ...content.choices.map((c, i) => `${i + 1}. ${c.title}`)].join('\n');
  return contentText(content);
}

function formatText(result: ChatResult): string {
  const labels = `[${result.route ?? '-'} · ${result.topic ?? '-'} · ${result.sentiment ?? '-'}${result.confidence !== null ? ` · ${result.confidence.toFixed(2)}` : ''}]`;
  return `${labels}\n${result.reply}${result.handoff ? '\n(đã chuyển cán bộ)' : ''}`;
}
