import { randomUUID } from 'node:crypto';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../../../core/errors/app-error.js';
import { parseOrThrow } from '../../../core/errors/zod-issues.js';
import { contentText, type OutboundContent } from '../../../core/messages/content.js';
import { bootPlatform, seedIfEmpty } from '../../bootstrap.js';
import type { Platform } from '../../platform.js';
import { formatDemoCredentials } from '../../seed/seed-demo.js';
import type { SettledTurn } from '../../storage/repositories/turn-outcome-repository.js';
import { withBase, type CliIo } from '../cli-context.js';

const ChatOptionsSchema = z.object({
  text: z.string().trim().min(1, 'the message must not be empty').max(4000),
  format: z.enum(['text', 'json']),
  session: z.string().trim().min(1).max(100).optional(),
  unit: z.string().trim().max(32).optional(),
  timeout: z.coerce.number().int().min(1).max(600).default(60),
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
 * `congdoan chat "text"`: one member message on the CLI channel, through the same path as a webhook's:
 * the ingest service records it and rings the queue, a worker runs the turn, the delivery worker sends the
 * replies through the CLI channel's adapter (policy included), and the command prints the replies that were
 * delivered. The workers run in this process when it owns the queue (embedded queue, or
 * WORKERS_IN_PROCESS=true); with Redis and WORKERS_IN_PROCESS=false the running workers (`npm run worker`)
 * handle it, and the command waits for them.
 */
export function registerChatCommand(program: Command, io: CliIo): void {
  program
    .command('chat')
    .argument('<text>', 'the member message')
    .description("send one member message through ingest, queue, worker and delivery, and print the bot's answer")
    .option('--format <format>', 'text or json', 'text')
    .option('--session <id>', 'continue a CLI conversation (default: a new one)')
    .option('--unit <code>', 'grassroots union code of the member')
    .option('--timeout <seconds>', 'how long to wait for the answer', '60')
    .action(async (text: string, raw: Record<string, string>) => {
      const options = parseOrThrow(ChatOptionsSchema, { ...raw, text });
      await withBase(io, async (base) => {
        const seeded = await seedIfEmpty(base);
        if (seeded.created) io.stderr(formatDemoCredentials(seeded, base.env.PUBLIC_BASE_URL ?? `http://localhost:${base.env.PORT}`));
        const platform = await bootPlatform(base);
        try {
          // An in-process queue can only be consumed here; a Redis queue by whichever workers are running.
          if (!base.env.REDIS_URL || base.env.WORKERS_IN_PROCESS) await platform.startWorkers();
          const session = options.session ?? `cli-${randomUUID()}`;
          const [outcome] = await platform.ingest.ingest([
            {
              kind: 'message',
              channel: 'cli',
              platformMessageId: randomUUID(),
              sender: { platformUserId: session, threadId: session },
              content: { type: 'text', text: options.text },
              sentAt: platform.clock.now(),
              ...(options.unit ? { joinCode: options.unit } : {}),
            },
          ]);
          if (outcome?.kind !== 'message' || !outcome.messageId) throw new AppError('INTERNAL', 'the message was not recorded');
          const turn = await waitForTurn(platform, outcome.messageId, options.timeout * 1000);
          const result = summarise(turn);
          io.stdout(options.format === 'json' ? JSON.stringify(result) : formatText(result));
        } finally {
          await platform.stop();
        }
      });
    });
}

/** Waits until the worker handled the message and every reply to it was delivered, held or failed. */
async function waitForTurn(platform: Platform, messageId: string, timeoutMs: number): Promise<SettledTurn> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const turn = await platform.repositories.turns.settledTurn(messageId);
    if (turn) return turn;
    if (Date.now() > deadline) {
      throw new AppError('DEPENDENCY_UNAVAILABLE', `no answer within ${timeoutMs / 1000} s: is a worker running (npm start, or npm run worker with WORKERS_IN_PROCESS=false)?`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** What the member got: the delivered replies (held or failed ones never reached them). */
function summarise({ inbound, conversation, replies }: SettledTurn): ChatResult {
  const delivered = replies.filter((reply) => reply.status === 'sent');
  const citations = delivered.flatMap((row) => (Array.isArray(row.meta.citations) ? (row.meta.citations as { lawId: string; articleNo: string }[]) : []));
  return {
    route: inbound.route ?? null,
    topic: inbound.topic ?? null,
    sentiment: inbound.sentiment ?? null,
    confidence: inbound.routeConfidence ?? null,
    reply: delivered.map((row) => replyText(row.content as unknown as OutboundContent)).join('\n\n'),
    citations: citations.map((c) => ({ law_id: c.lawId, article_no: c.articleNo })),
    handoff: conversation.state === 'waiting_officer' || conversation.state === 'officer',
  };
}

/** The terminal's rendering: choices become a numbered list, as on channels without buttons. */
function replyText(content: OutboundContent): string {
  if (content.type === 'choices') return [content.text, ...content.choices.map((c, i) => `${i + 1}. ${c.title}`)].join('\n');
  return contentText(content);
}

function formatText(result: ChatResult): string {
  const labels = `[${result.route ?? '-'} · ${result.topic ?? '-'} · ${result.sentiment ?? '-'}${result.confidence !== null ? ` · ${result.confidence.toFixed(2)}` : ''}]`;
  return `${labels}\n${result.reply}${result.handoff ? '\n(đã chuyển cán bộ)' : ''}`;
}
