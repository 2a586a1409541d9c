import { z } from 'zod';

const Account = z.looseObject({ id: z.string().min(1), name: z.string().optional() });

/** The subset of a Bot Framework Activity we read (botframework-schema has the full type). */
export const ActivitySchema = z.looseObject({
  type: z.string(),
  id: z.string().optional(),
  /** ISO text on the wire; botbuilder has already turned it into a Date when the route reads the activity. */
  timestamp: z.union([z.string(), z.date()]).optional(),
  channelId: z.string().min(1),
  serviceUrl: z.string().min(1),
  from: Account,
  recipient: Account.optional(),
  conversation: z.looseObject({ id: z.string().min(1), isGroup: z.boolean().optional(), conversationType: z.string().optional(), tenantId: z.string().optional() }),
  text: z.string().optional(),
  value: z.unknown().optional(),
  attachments: z.array(z.looseObject({ contentType: z.string(), contentUrl: z.string().optional(), name: z.string().optional() })).optional(),
  membersAdded: z.array(Account).optional(),
  membersRemoved: z.array(Account).optional(),
});

export type BotFrameworkActivity = z.infer<typeof ActivitySchema>;
