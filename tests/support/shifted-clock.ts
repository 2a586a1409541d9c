import type { Clock } from '../../core/ports/clock.js';

/**
 * A clock that runs at real speed from a chosen instant, so leases, retries and timeouts behave as usual while the
 * platform believes it is another day (mood figures are published per completed week: tests write in the past).
 */
export function shiftedClock(start?: string): { clock: Clock; moveTo(instant: string): void } {
  let offset = start ? Date.parse(start) - Date.now() : 0;
  return {
    clock: { now: () => new Date(Date.now() + offset) },
    moveTo(instant: string) {
      offset = Date.parse(instant) - Date.now();
    },
  };
}
