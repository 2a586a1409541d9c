import { z } from 'zod';

// The subset of the Bot API `Update` we read; everything else passes through untouched (looseObject).
const User = z.looseObject({ id: z.number(), is_bot: z.boolean().optional(), first_name: z.string().optional(), last_name: z.string().optional(), username: z.string().optional() });
const Chat = z.looseObject({ id: z.number(), type: z.string() });
const FileRef = z.looseObject({ file_id: z.string(), file_name: z.string().optional() });

export const TelegramMessageSchema = z.looseObject({
  message_id: z.number(),
  date: z.number(),
  chat: Chat,
  from: User.optional(),
  text: z.string().optional(),
  caption: z.string().optional(),
  media_group_id: z.string().optional(),
  photo: z.array(FileRef).optional(),
  document: FileRef.optional(),
  sticker: FileRef.optional(),
  voice: FileRef.optional(),
  audio: FileRef.optional(),
  video: FileRef.optional(),
  video_note: FileRef.optional(),
  animation: FileRef.optional(),
  location: z.looseObject({ latitude: z.number(), longitude: z.number() }).optional(),
  contact: z.looseObject({ phone_number: z.string(), first_name: z.string().optional(), last_name: z.string().optional() }).optional(),
  /** Set on an edited message: the edit is a new message for us (an edit may ask for an officer). */
  edit_date: z.number().optional(),
});

export const TelegramUpdateSchema = z.looseObject({
  update_id: z.number(),
  message: TelegramMessageSchema.optional(),
  edited_message: TelegramMessageSchema.optional(),
  callback_query: z
    .looseObject({
      id: z.string(),
      from: User,
      data: z.string().optional(),
      message: z.looseObject({ message_id: z.number(), chat: Chat }).optional(),
    })
    .optional(),
  my_chat_member: z
    .looseObject({ chat: Chat, from: User, date: z.number(), new_chat_member: z.looseObject({ status: z.string() }) })
    .optional(),
});

export type TelegramUpdate = z.infer<typeof TelegramUpdateSchema>;
export type TelegramMessage = z.infer<typeof TelegramMessageSchema>;
