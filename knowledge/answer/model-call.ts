import { AppError, isAppError } from '../../core/errors/app-error.js';
import type { ChatCompletionRequest, ChatModel } from '../../core/ports/chat-model.js';

/**
 * Calls the model with our own deadline on top of the client's: the member is waiting in a chat, and a model
 * implementation that ignores its signal must still not hold the answer hostage. The caller's signal (worker
 * shutdown, conversation taken over by an officer) aborts the call too.
 */
export async function completeWithDeadline(
  model: ChatModel,
  request: Omit<ChatCompletionRequest, 'signal'>,
  timeoutMs: number,
  outer?: AbortSignal,
): Promise<{ text: string }> {
  const controller = new AbortController();
  const timeout = new AppError('LLM_TIMEOUT', `model did not answer within ${timeoutMs} ms`);
  const timer = setTimeout(() => controller.abort(timeout), timeoutMs);
  const onOuterAbort = () => controller.abort(new AppError('LLM_TIMEOUT', 'answer cancelled by the caller'));
  if (outer?.aborted) onOuterAbort();
  else outer?.addEventListener('abort', onOuterAbort, { once: true });

  const aborted = new Promise<never>((_, reject) => {
    const fail = () => reject(controller.signal.reason instanceof AppError ? controller.signal.reason : timeout);
    if (controller.signal.aborted) fail();
    else controller.signal.addEventListener('abort', fail, { once: true });
  });
  try {
    return await Promise.race([model.complete({ ...request, signal: controller.signal }), aborted]);
  } finally {
    clearTimeout(timer);
    outer?.removeEventListener('abort', onOuterAbort);
  }
}

/** A short, log-safe reason for a failed call (never the error message: it may quote the prompt). */
export function modelFailureReason(error: unknown): string {
  if (isAppError(error) && error.code === 'LLM_TIMEOUT') return 'llm_timeout';
  if (isAppError(error) && error.code === 'LLM_FAILED') return 'llm_failed';
  return 'llm_error';
}
