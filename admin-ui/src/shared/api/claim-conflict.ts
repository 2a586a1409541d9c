import { ClaimConflictSchema } from '../../../../core/contracts/inbox-api';
import { isApiError } from './api-error';

/**
 * When a claim lost the race (409 CONVERSATION_CLAIMED), the officer who won, from the error's details;
 * null for any other failure.
 */
export function claimHolder(error: unknown): { id: string; displayName: string } | null {
  if (!isApiError(error) || error.status !== 409) return null;
  const parsed = ClaimConflictSchema.safeParse(error.body);
  return parsed.success ? parsed.data.error.details.holder : null;
}

/** "Cán bộ X đã nhận cuộc trò chuyện này" (or without a name when the server did not say who). */
export function claimConflictMessage(error: unknown): string | null {
  if (!isApiError(error) || error.status !== 409 || error.code !== 'CONVERSATION_CLAIMED') return null;
  const holder = claimHolder(error);
  return holder ? `Cán bộ ${holder.displayName} đã nhận cuộc trò chuyện này.` : 'Một cán bộ khác đã nhận cuộc trò chuyện này.';
}
