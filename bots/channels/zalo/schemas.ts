import { z } from 'zod';

/** Zalo sends ids as strings, but some integrations saw numbers: accept both, keep strings (ids exceed 2^53). */
const Id = z.union([z.string(), z.number()]).transform(String);

const Coordinates = z.looseObject({
  latitude: z.union([z.string(), z.number()]).optional(),
  longitude: z.union([z.string(), z.number()]).optional(),
  lat: z.union([z.string(), z.number()]).optional(),
  long: z.union([z.string(), z.number()]).optional(),
  lng: z.union([z.string(), z.number()]).optional(),
});

export const ZaloAttachmentSchema = z.looseObject({
  type: z.string(),
  payload: z
    .looseObject({
      url: z.string().optional(),
      thumbnail: z.string().optional(),
      id: Id.optional(),
      name: z.string().optional(),
      size: z.union([z.string(), z.number()]).optional(),
      description: z.string().optional(),
      coordinates: Coordinates.optional(),
    })
    .optional(),
});

export const ZaloMessageSchema = z.looseObject({
  msg_id: Id.optional(),
  /** Receipts may list several messages seen at once. */
  msg_ids: z.array(Id).optional(),
  text: z.string().optional(),
  attachments: z.array(ZaloAttachmentSchema).optional(),
  sticker_id: Id.optional(),
  location: Coordinates.optional(),
});

const Party = z.looseObject({ id: Id });

/** One webhook delivery of the OA Open API v3: a single event (no batching). */
export const ZaloEventSchema = z.looseObject({
  app_id: Id,
  event_name: z.string().min(1),
  timestamp: Id,
  oa_id: Id.optional(),
  user_id_by_app: Id.optional(),
  sender: Party.optional(),
  recipient: Party.optional(),
  follower: Party.optional(),
  source: z.string().optional(),
  message: ZaloMessageSchema.optional(),
});

export type ZaloEvent = z.infer<typeof ZaloEventSchema>;
export type ZaloAttachment = z.infer<typeof ZaloAttachmentSchema>;

/** The answer of every OA API call: `error` 0 on success, negative codes otherwise, HTTP 200 either way. */
export const ZaloApiResponseSchema = z.looseObject({
  error: z.coerce.number(),
  message: z.string().optional(),
  data: z
    .looseObject({
      message_id: Id.optional(),
      user_id: Id.optional(),
      quota: z.unknown().optional(),
    })
    .optional(),
});

/** OAuth v4 token answer; errors come as `{ error, error_name, error_description }`. */
export const ZaloTokenResponseSchema = z.looseObject({
  access_token: z.string().min(1).optional(),
  refresh_token: z.string().min(1).optional(),
  expires_in: z.coerce.number().optional(),
  error: z.coerce.number().optional(),
  error_name: z.string().optional(),
  error_description: z.string().optional(),
  message: z.string().optional(),
});
