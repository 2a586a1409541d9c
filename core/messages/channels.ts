/** Every channel a member can write on. `cli` is the command-line channel used by `congdoan chat`. */
export const CHANNEL_IDS = ['web', 'zalo', 'messenger', 'telegram', 'botframework', 'cli'] as const;
export type ChannelId = (typeof CHANNEL_IDS)[number];

export function isChannelId(value: string): value is ChannelId {
  return (CHANNEL_IDS as readonly string[]).includes(value);
}
