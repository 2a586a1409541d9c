import { isApiError } from '../../shared/api/api-error';
import { describeError } from '../../shared/api/error-messages.vi';

/** One Vietnamese sentence for a failed write, naming the fields the server refused (`citations.0: …`). */
export function errorText(error: unknown): string {
  const { title } = describeError(error);
  if (!isApiError(error) || error.fields.length === 0) return title;
  return `${title} ${error.fields.map((field) => `${field.path.replace(/^body\./, '')}: ${field.message}`).join('; ')}`;
}
