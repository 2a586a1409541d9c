import { CHANNEL_NAMES_VI } from '../format/conversation-labels.vi';
import { Icon, type IconName } from '../icons/Icon';

const ICONS: Record<string, IconName> = { web: 'globe', zalo: 'zalo', messenger: 'messenger', telegram: 'telegram', botframework: 'conversation', cli: 'terminal' };

/** The channel a member writes on, as a small coloured icon with its name for screen readers and on hover. */
export function ChannelIcon({ channel, withName = false }: { channel: string; withName?: boolean }) {
  const name = CHANNEL_NAMES_VI[channel] ?? channel;
  return (
    <span className={`ui-channel ui-channel-${channel}`} title={name}>
      <Icon name={ICONS[channel] ?? 'conversation'} size={16} {...(withName ? {} : { label: name })} />
      {withName && <span>{name}</span>}
    </span>
  );
}
