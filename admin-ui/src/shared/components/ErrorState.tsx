import { describeError } from '../api/error-messages.vi';
import { Icon } from '../icons/Icon';
import { Button } from './Button';

/** A failed load, said in Vietnamese, with "Thử lại" when trying again can help. */
export function ErrorState({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { title, description, retryable } = describeError(error);
  return (
    <div className="ui-error" role="alert">
      <span className="ui-error-icon" aria-hidden="true">
        <Icon name="alert" size={22} />
      </span>
      <div>
        <strong>{title}</strong>
        <p>{description}</p>
      </div>
      {retryable && onRetry && (
        <Button size="sm" icon="refresh" onClick={onRetry}>
          Thử lại
        </Button>
      )}
    </div>
  );
}
