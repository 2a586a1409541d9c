import { useQuery } from '@tanstack/react-query';
import { describeError } from '../shared/api/error-messages.vi';
import { useToast } from '../shared/components/Toast';
import { availabilityQuery, useSetAvailability } from '../shared/queries/availability';

/**
 * "Sẵn sàng / Vắng mặt" in the top bar: officers are rarely at a desk, so they say when they can take
 * conversations (auto-assignment and notifications follow it). A switch, readable on a phone.
 */
export function AvailabilityToggle() {
  const current = useQuery(availabilityQuery());
  const update = useSetAvailability();
  const toast = useToast();
  const available = (update.isPending ? update.variables : current.data?.availability) === 'available';
  const toggle = () =>
    update.mutate(available ? 'away' : 'available', {
      onSuccess: (_data, next) => toast.show(next === 'available' ? 'Bạn đang sẵn sàng nhận cuộc trò chuyện.' : 'Bạn đang vắng mặt: sẽ không được giao cuộc mới.', 'info'),
      onError: (error) => toast.show(describeError(error).title, 'danger'),
    });
  return (
    <button
      type="button"
      role="switch"
      aria-checked={available}
      className={`availability${available ? ' on' : ''}`}
      onClick={toggle}
      disabled={update.isPending}
      title={available ? 'Bạn đang nhận cuộc trò chuyện mới. Bấm để chuyển sang vắng mặt.' : 'Bạn đang vắng mặt. Bấm để sẵn sàng nhận cuộc trò chuyện.'}
    >
      <span className="availability-track" aria-hidden="true">
        <span className="availability-thumb" />
      </span>
      <span className="availability-label">{available ? 'Sẵn sàng' : 'Vắng mặt'}</span>
    </button>
  );
}
