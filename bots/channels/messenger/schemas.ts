import { z } from 'zod';

/** Page-scoped ids are strings; `app_id` in echoes is a JSON number (kept exact by the lossless parser). */
const Id = z.union([z.string(), z.number()]).transform(String);
const Time = z.union([z.number(), z.string()]).optional();

export const MessengerReferralSchema = z.looseObject({ ref: z.string().optional(), source: z.string().optional(), type: z.string().optional() });

export const MessengerAttachmentSchema = z.looseObject({
  type: z.string(),
  payload: z
    .looseObject({
      url: z.string().optional(),
      sticker_id: Id.optional(),
      title: z.string().optional(),
      coordinates: z.looseObject({ lat: z.number(), long: z.number() }).optional(),
    })
    .nullish(),
});

export const MessengerMessageSchema = z.looseObject({
  mid: z.string().min(1),
  text: z.string().optional(),
  is_echo: z.boolean().optional(),
  app_id: Id.optional(),
  metadata: z.string().optional(),
  quick_reply: z.looseObject({ payload: z.string() }).optional(),
  attachments: z.array(MessengerAttachmentSchema).optional(),
});

export const MessengerEventSchema = z.looseObject({
  sender: z.looseObject({ id: Id }),
  recipient: z.looseObject({ id: Id }),
  timestamp: Time,
  message: MessengerMessageSchema.optional(),
  postback: z.looseObject({ mid: z.string().optional(), title: z.string().optional(), payload: z.string().optional(), referral: MessengerReferralSchema.optional() }).optional(),
  referral: MessengerReferralSchema.optional(),
  delivery: z.looseObject({ mids: z.array(z.string()).optional(), watermark: Time }).optional(),
  read: z.looseObject({ watermark: Time }).optional(),
});

/** One webhook POST: entries of one or more Pages, each with one or more events (batched: iterate both). */
export const MessengerWebhookSchema = z.looseObject({
  object: z.string(),
  entry: z.array(
    z.looseObject({
      id: Id,
      time: Time,
      messaging: z.array(MessengerEventSchema).optional(),
      standby: z.array(z.unknown()).optional(),
    }),
  ),
});

export type MessengerEvent = z.infer<typeof MessengerEventSchema>;
export type MessengerMessage = z.infer<typeof MessengerMessageSchema>;

/** Graph API errors: `{ error: { message, type, code, error_subcode, fbtrace_id } }` with HTTP 400/403/429/500. */
export const GraphErrorSchema = z.looseObject({
  error: z.looseObject({
    message: z.string().optional(),
    type: z.string().optional(),
    code: z.coerce.number(),
    error_subcode: z.coerce.number().optional(),
    fbtrace_id: z.string().optional(),
  }),
});

export const SendApiResponseSchema = z.looseObject({ recipient_id: Id.optional(), message_id: z.string().min(1) });
