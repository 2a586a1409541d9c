import { isAppError } from '../../core/errors/app-error.js';

/** The code of the typed error `run` throws: 'untyped' for any other throw, 'none' when it returns. */
export function thrownCode(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return isAppError(error) ? error.code : 'untyped';
  }
  return 'none';
}
